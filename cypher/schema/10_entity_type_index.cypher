CREATE INDEX entity_type IF NOT EXISTS
FOR (e:Entity) ON (e.type)
