// Relations between a page of neighbours and the entities already on the canvas (and each
// other), so new nodes are not drawn as islands.
MATCH (a:Entity)-[r:REL]-(b:Entity)
WHERE a.id IN $ids AND b.id IN $others
RETURN DISTINCT r.id AS relationId
ORDER BY relationId
