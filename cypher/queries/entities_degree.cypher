// COUNT over a bare pattern of one relationship type is read from the degree store.
UNWIND $ids AS entityId
MATCH (e:Entity {id: entityId})
RETURN entityId, COUNT { (e)-[:REL]-() } AS degree
