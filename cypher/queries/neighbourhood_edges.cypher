MATCH (source:Entity)-[r:REL]->(target:Entity)
WHERE source.id IN $ids AND target.id IN $ids
  AND (size($relationTypes) = 0 OR r.type IN $relationTypes)
RETURN r.id AS relationId
ORDER BY relationId
LIMIT $limit
