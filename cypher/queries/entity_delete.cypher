MATCH (e:Entity {id: $id})
DETACH DELETE e
