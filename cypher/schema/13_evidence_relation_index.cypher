// Evidence hangs off a relation by its id (a relationship cannot point at a node).
CREATE INDEX evidence_relation IF NOT EXISTS
FOR (ev:Evidence) ON (ev.relationId)
