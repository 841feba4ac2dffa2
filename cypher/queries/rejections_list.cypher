// By id (unique, indexed): keyset pages, none repeats or vanishes between them.
MATCH (x:Rejection)
WHERE x.id > $after
RETURN x {.id, .relationId, .type, .fromId, .toId, .articleId, .start, .end, .text, .reason, .at, .actor} AS rejection
ORDER BY x.id
LIMIT $limit
