MATCH ()-[r:REL]->()
WHERE r.id IN $relationIds
  AND NOT EXISTS { MATCH (ev:Evidence) WHERE ev.relationId = r.id }
DELETE r
RETURN count(*) AS deleted
