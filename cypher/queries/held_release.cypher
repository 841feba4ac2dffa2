// Back into the graph: what was held for the relation but the pieces still rejected on their own.
MATCH (ev:HeldEvidence {relationId: $relationId})
WHERE NOT ev.id IN $stillRejected
REMOVE ev:HeldEvidence
SET ev:Evidence
RETURN count(ev) AS released
