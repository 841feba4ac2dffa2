// The fallback for what the full-text indexes cannot see: one Han character (cjk indexes
// bigrams) and pinyin that starts inside a name. The entity_search_text index answers the
// CONTAINS (toString tells the planner the value is a STRING, which a text index needs).
MATCH (e:Entity)
WHERE e.searchText CONTAINS toString($text)
  AND (size($types) = 0 OR e.type IN $types)
WITH e
ORDER BY size(e.name), e.id
LIMIT $limit
RETURN e {.id, .type, .name, .aliases} AS entity, COUNT { (e)-[:REL]-() } AS degree
