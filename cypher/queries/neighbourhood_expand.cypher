// One breadth-first step; seeds are given, neighbours must pass the type filters. Only the
// room left under the caller's node limit (plus one, to tell truncation) comes back.
MATCH (seen:Entity)-[r:REL]-(next:Entity)
WHERE seen.id IN $frontier
  AND NOT next.id IN $visited
  AND (size($relationTypes) = 0 OR r.type IN $relationTypes)
  AND (size($entityTypes) = 0 OR next.type IN $entityTypes)
RETURN DISTINCT next.id AS id
ORDER BY id
LIMIT $limit
