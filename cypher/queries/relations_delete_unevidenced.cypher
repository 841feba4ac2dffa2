// Returns the endpoints, which may now be left with nothing holding them.
MATCH (source:Entity)-[r:REL]->(target:Entity)
WHERE r.id IN $relationIds
  AND NOT EXISTS { MATCH (ev:Evidence) WHERE ev.relationId = r.id }
WITH r, [source.id, target.id] AS ends
DELETE r
WITH ends
UNWIND ends AS entityId
RETURN collect(DISTINCT entityId) AS entityIds
