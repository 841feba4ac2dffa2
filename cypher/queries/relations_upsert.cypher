// A fact stated again fills in an amount or role it lacked, and 龙头 (leader) outranks member.
// seq is the order facts arrived in: paths of equal length are listed in that order.
UNWIND $relations AS rel
MATCH (source:Entity {id: rel.from})
MATCH (target:Entity {id: rel.to})
OPTIONAL MATCH (source)-[existing:REL {id: rel.id}]->(target)
WITH rel, source, target, existing
MERGE (source)-[r:REL {id: rel.id}]->(target)
  ON CREATE SET r.type = rel.type, r.amountCny = rel.amountCny, r.role = rel.role, r.seq = rel.seq
  ON MATCH SET r.amountCny = coalesce(r.amountCny, rel.amountCny),
               r.role = CASE WHEN rel.role = 'leader' THEN 'leader' ELSE coalesce(r.role, rel.role) END
RETURN rel.id AS id, existing IS NULL AS created
