UNWIND $ids AS entityId
MATCH (e:Entity {id: entityId})
RETURN entityId, COUNT { (e)-[:REL]-(:Entity) } AS degree
