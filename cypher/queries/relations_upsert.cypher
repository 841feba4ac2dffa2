// A fact stated again fills in an amount or role it lacked, and 龙头 (leader) outranks member.
// seq is the order facts arrived in: paths of equal length are listed in that order. "created"
// comes from ON CREATE itself, so two loaders stating one fact cannot both report it new; a
// row whose endpoints are missing is not returned (import compares the count).
UNWIND $relations AS rel
MATCH (source:Entity {id: rel.from})
MATCH (target:Entity {id: rel.to})
MERGE (source)-[r:REL {id: rel.id}]->(target)
  ON CREATE SET r.type = rel.type, r.amountCny = rel.amountCny, r.role = rel.role, r.seq = rel.seq, r._created = true
  ON MATCH SET r.amountCny = coalesce(r.amountCny, rel.amountCny),
               r.role = CASE WHEN rel.role = 'leader' THEN 'leader' ELSE coalesce(r.role, rel.role) END
WITH rel, r, r._created IS NOT NULL AS created
REMOVE r._created
RETURN rel.id AS id, created
