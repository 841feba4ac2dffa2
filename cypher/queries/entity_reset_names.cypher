// An undone merge takes names back: unlike entities_set_names, names may go, and the NAMES
// edges of the keys that went are deleted so resolution no longer lands on this entity.
MATCH (e:Entity {id: $entity.id})
SET e.aliases = $entity.aliases,
    e.nameKeys = $entity.nameKeys,
    e.searchKeys = $entity.searchKeys,
    e.searchText = $entity.searchText
WITH e
OPTIONAL MATCH (k:NameKey)-[n:NAMES]->(e)
WHERE NOT k.key IN $entity.nameKeys
DELETE n
WITH DISTINCT e
FOREACH (key IN $entity.nameKeys |
  MERGE (k:NameKey {key: key})
  MERGE (k)-[:NAMES]->(e))
RETURN e {.id, .type, .name, .aliases} AS entity
