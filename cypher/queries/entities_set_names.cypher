// New names only ever add to an entity (aliases are never removed here), so the NAMES edges
// are merged, never deleted.
UNWIND $entities AS item
MATCH (e:Entity {id: item.id})
SET e.aliases = item.aliases,
    e.nameKeys = item.nameKeys,
    e.searchKeys = item.searchKeys,
    e.searchText = item.searchText
FOREACH (key IN item.nameKeys |
  MERGE (k:NameKey {key: key})
  MERGE (k)-[:NAMES]->(e))
RETURN e {.id, .type, .name, .aliases} AS entity
