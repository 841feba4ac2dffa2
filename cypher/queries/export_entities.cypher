MATCH (e:Entity)
RETURN e {.id, .type, .name, .aliases} AS entity
ORDER BY e.id
SKIP $offset
LIMIT $limit
