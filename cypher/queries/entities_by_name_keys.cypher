// Same-type entities carrying each name (canonical form); the caller takes a name only when
// exactly one entity carries it, as an ambiguous short name must not pick a side.
UNWIND $nameKeys AS key
MATCH (e:Entity {type: $type})
WHERE key IN e.nameKeys
RETURN key, collect(DISTINCT e.id) AS ids
