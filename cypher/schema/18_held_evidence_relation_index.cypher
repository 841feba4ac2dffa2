// A restore gathers what was held for one relation.
CREATE INDEX held_evidence_relation IF NOT EXISTS
FOR (ev:HeldEvidence) ON (ev.relationId)
