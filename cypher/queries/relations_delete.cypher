// Relations that would relate an entity to itself after a merge: gone, with their evidence.
MATCH ()-[r:REL]->()
WHERE r.id IN $relationIds
OPTIONAL MATCH (ev:Evidence)
WHERE ev.relationId = r.id
WITH r, collect(ev) AS stated
FOREACH (ev IN stated | DETACH DELETE ev)
DELETE r
