MATCH (e:Entity {id: $id})
RETURN e {.id, .type, .name, .aliases, .nameKeys} AS entity
