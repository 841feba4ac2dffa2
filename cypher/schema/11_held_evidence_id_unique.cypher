CREATE CONSTRAINT held_evidence_id_unique IF NOT EXISTS
FOR (ev:HeldEvidence) REQUIRE ev.id IS UNIQUE
