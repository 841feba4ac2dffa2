// Candidates only: the adapter re-scores them against names, aliases and pinyin.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE size($types) = 0 OR node.type IN $types
RETURN node {.id, .type, .name, .aliases} AS entity, COUNT { (node)-[:REL]-(:Entity) } AS degree, score
ORDER BY score DESC
LIMIT $limit
