// A fact stated again keeps its first amount/role and fills in one it lacked.
UNWIND $relations AS rel
MATCH (source:Entity {id: rel.from})
MATCH (target:Entity {id: rel.to})
OPTIONAL MATCH (source)-[existing:REL {id: rel.id}]->(target)
WITH rel, source, target, existing
MERGE (source)-[r:REL {id: rel.id}]->(target)
  ON CREATE SET r.type = rel.type, r.amountCny = rel.amountCny, r.role = rel.role
  ON MATCH SET r.amountCny = coalesce(r.amountCny, rel.amountCny), r.role = coalesce(r.role, rel.role)
RETURN rel.id AS id, existing IS NULL AS created
