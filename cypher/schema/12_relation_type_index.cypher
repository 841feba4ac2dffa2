CREATE INDEX relation_type IF NOT EXISTS
FOR ()-[r:REL]-() ON (r.type)
