// SHORTEST k over an undirected quantified pattern gives the 2nd, 3rd… shortest too, which
// allShortestPaths cannot. k and the upper bound must be literals on Neo4j 5: the adapter asks
// for more than it needs and trims by $maxLength, node-simplicity and its own limit.
MATCH p = SHORTEST 32 (source:Entity {id: $from})
  (()-[r:REL WHERE size($relationTypes) = 0 OR r.type IN $relationTypes]-()){1,8}
  (target:Entity {id: $to})
WHERE length(p) <= $maxLength
RETURN [n IN nodes(p) | n.id] AS nodeIds, [rel IN relationships(p) | rel.id] AS relationIds
ORDER BY length(p)
