MATCH (e:Entity)
WHERE e.id > $after
RETURN e {.id, .type, .name, .aliases} AS entity
ORDER BY e.id
LIMIT $limit
