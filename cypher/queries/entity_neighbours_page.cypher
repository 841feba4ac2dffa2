// A page of an entity's neighbours, best connected first (degrees from the degree store), then
// by id; the page starts after the previous one's last (degree, id) — a keyset, never SKIP.
// Each neighbour comes with the ids of the relations that bring it. One more than asked for
// comes back, to tell whether another page follows. $relationIds (null: any) is the date
// filter, worked out by the adapter from entity_facts.
MATCH (e:Entity {id: $id})-[r:REL]-(other:Entity)
WHERE other <> e
  AND (size($relationTypes) = 0 OR r.type IN $relationTypes)
  AND (size($entityTypes) = 0 OR other.type IN $entityTypes)
  AND ($relationIds IS NULL OR r.id IN $relationIds)
WITH other, collect(r.id) AS via
WITH other, via, COUNT { (other)-[:REL]-() } AS degree
ORDER BY degree DESC, other.id
WITH collect({id: other.id, degree: degree, via: via}) AS ranked
RETURN size(ranked) AS total,
       [n IN ranked WHERE $afterId IS NULL OR n.degree < $afterDegree OR (n.degree = $afterDegree AND n.id > $afterId)][0..$first] AS page
