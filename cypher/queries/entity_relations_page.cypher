// A page of the relations touching an entity: ids after the cursor, the first few in id order
// (keyset, no SKIP); the total from the degree store unless a type filter asks for a count.
MATCH (e:Entity {id: $id})
RETURN CASE
         WHEN size($types) = 0 THEN COUNT { (e)-[:REL]-() }
         ELSE COUNT { (e)-[r:REL]-() WHERE r.type IN $types }
       END AS total,
       COLLECT {
         MATCH (e)-[r:REL]-()
         WHERE r.id > $after AND (size($types) = 0 OR r.type IN $types)
         RETURN r.id AS relationId
         ORDER BY relationId
         LIMIT $first
       } AS page
