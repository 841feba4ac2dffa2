CREATE CONSTRAINT held_relation_id_unique IF NOT EXISTS
FOR (held:HeldRelation) REQUIRE held.id IS UNIQUE
