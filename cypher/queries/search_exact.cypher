// The exact-name step: the entities whose name or alias is exactly what was typed (canonical
// form), one index seek, so a big graph cannot push them out of the full-text candidates.
MATCH (:NameKey {key: $key})-[:NAMES]->(e:Entity)
WHERE size($types) = 0 OR e.type IN $types
RETURN e {.id, .type, .name, .aliases} AS entity, COUNT { (e)-[:REL]-() } AS degree
ORDER BY e.id
LIMIT 50
