// A page of the relations touching an entity, ordered by id, after a cursor, with the total.
MATCH (:Entity {id: $id})-[r:REL]-(:Entity)
WHERE size($types) = 0 OR r.type IN $types
WITH DISTINCT r
ORDER BY r.id
WITH collect(r.id) AS ids
RETURN size(ids) AS total, [relationId IN ids WHERE relationId > $after][0..$first] AS page
