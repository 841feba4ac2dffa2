// One breadth of the k-shortest-paths search (graph/src/paths.ts runs in the adapter): the
// relations of a batch of nodes, in the order their facts arrived, each with the degree of the
// node it reaches (degrees come from the degree store), at most $perNode per node.
UNWIND $ids AS nodeId
MATCH (n:Entity {id: nodeId})
RETURN nodeId,
       COUNT { (n)-[:REL]-() } AS degree,
       COLLECT {
         MATCH (n)-[r:REL]-(m:Entity)
         WHERE size($relationTypes) = 0 OR r.type IN $relationTypes
         RETURN {relationId: r.id, node: m.id, degree: COUNT { (m)-[:REL]-() }}
         ORDER BY r.seq, r.id
         LIMIT $perNode
       } AS steps
