MATCH (source:Entity)-[r:REL]->(target:Entity)
RETURN r.id AS id, r.type AS type, source.id AS from, target.id AS to, r.amountCny AS amountCny, r.role AS role
ORDER BY r.seq, r.id
SKIP $offset
LIMIT $limit
