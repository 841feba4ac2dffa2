MATCH ()-[r:REL]->()
WHERE r.id IN $relationIds
OPTIONAL MATCH (ev:Evidence)
WHERE ev.relationId = r.id
DETACH DELETE ev
DELETE r
