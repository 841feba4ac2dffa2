// How much is held for the relation but would come back (not rejected on its own).
MATCH (ev:HeldEvidence {relationId: $relationId})
WHERE NOT ev.id IN $stillRejected
RETURN count(ev) AS pending
