UNWIND $queries AS q
OPTIONAL MATCH (e:Entity {type: q.type})
WHERE any(key IN e.nameKeys WHERE key IN q.nameKeys)
WITH q, e
ORDER BY e.id
RETURN q.index AS index, collect(e.id)[0] AS entityId
