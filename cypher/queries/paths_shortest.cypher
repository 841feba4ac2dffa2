// SHORTEST k over an undirected quantified pattern gives the 2nd, 3rd… shortest too, which
// allShortestPaths cannot. k and the upper bound must be literals on Neo4j 5: the adapter asks
// for more than it needs, then keeps simple paths, one per node sequence, up to its limit.
// Paths of one length come in the order their facts arrived (seq), as SQLite's walk gives them.
MATCH p = SHORTEST 64 (source:Entity {id: $from})
  (()-[r:REL WHERE size($relationTypes) = 0 OR r.type IN $relationTypes]-()){1,8}
  (target:Entity {id: $to})
WHERE length(p) <= $maxLength
RETURN [n IN nodes(p) | n.id] AS nodeIds, [rel IN relationships(p) | rel.id] AS relationIds
ORDER BY length(p), [rel IN relationships(p) | rel.seq]
