MATCH (e:Entity {id: $id})-[r:REL]-()
WITH DISTINCT r
RETURN r {.id, .type, .amountCny, .role, .seq} AS relation, startNode(r).id AS from, endNode(r).id AS to
