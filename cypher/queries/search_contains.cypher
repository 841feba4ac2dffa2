// The fallback for what the index cannot see: one Han character (the cjk analyzer indexes
// bigrams) and pinyin that starts inside a name. searchKeys hold the lower-case NFKC forms.
MATCH (e:Entity)
WHERE (size($types) = 0 OR e.type IN $types)
  AND any(key IN e.searchKeys WHERE key CONTAINS $text)
RETURN e {.id, .type, .name, .aliases} AS entity, COUNT { (e)-[:REL]-(:Entity) } AS degree
ORDER BY size(e.name), e.id
LIMIT $limit
