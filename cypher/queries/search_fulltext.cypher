// Candidates only: the adapter re-scores them against names, aliases and pinyin. $index is
// entity_search (cjk, for Han) or entity_search_latin (keeps English stop words, for pinyin).
// The procedure yields best score first, so LIMIT stops reading the index early.
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
WHERE size($types) = 0 OR node.type IN $types
WITH node, score
LIMIT $limit
RETURN node {.id, .type, .name, .aliases} AS entity, COUNT { (node)-[:REL]-() } AS degree, score
