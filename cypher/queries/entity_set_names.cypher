MATCH (e:Entity {id: $id})
SET e.aliases = $aliases,
    e.nameKeys = $nameKeys,
    e.searchKeys = $searchKeys
RETURN e {.id, .type, .name, .aliases} AS entity
