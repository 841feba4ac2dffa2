// Relation ids are derived from (type, from, to), so one id is one fact; the constraint also
// gives the index that getRelations and evidence lookups seek on.
CREATE CONSTRAINT relation_id_unique IF NOT EXISTS
FOR ()-[r:REL]-() REQUIRE r.id IS UNIQUE
