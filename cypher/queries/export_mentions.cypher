// A page of entities (by id, after a cursor), each with every article naming it.
MATCH (e:Entity)
WHERE e.id > $after
WITH e
ORDER BY e.id
LIMIT $limit
RETURN e.id AS entityId, COLLECT { MATCH (e)-[:MENTIONED_IN]->(a:Article) RETURN a.id ORDER BY a.id } AS articleIds
