// Undoing a merge forgets it as a curation (the newest of that kind, entity and value).
MATCH (c:Curation {kind: $kind, entityId: $entityId, value: $value})
WITH c
ORDER BY c.seq DESC
LIMIT 1
DELETE c
