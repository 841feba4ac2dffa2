// Once nothing is held for it, the relation's held copy goes.
MATCH (held:HeldRelation {id: $relationId})
WHERE NOT EXISTS { MATCH (ev:HeldEvidence {relationId: $relationId}) }
DELETE held
