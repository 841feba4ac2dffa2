// One breadth of the k-shortest-paths search (graph/src/paths.ts runs in the adapter): the
// relations of a batch of nodes, in the order their facts arrived, each with the degree of the
// node it reaches (degrees come from the degree store), at most $perNode per node.
// Only steps a path may take: to one of its two $ends or to an entity of a $passable type (no
// district or cluster when shortcuts are left out), along a relation of $relationTypes (all
// when empty) stated in an article dated within $dateFrom–$dateTo, or in no dated article.
UNWIND $ids AS nodeId
MATCH (n:Entity {id: nodeId})
RETURN nodeId,
       COUNT { (n)-[:REL]-() } AS degree,
       COLLECT {
         MATCH (n)-[r:REL]-(m:Entity)
         WHERE (size($relationTypes) = 0 OR r.type IN $relationTypes)
           AND (m.id IN $ends OR m.type IN $passable)
           AND (($dateFrom IS NULL AND $dateTo IS NULL)
                OR NOT EXISTS {
                  MATCH (ev:Evidence {relationId: r.id}), (a:Article {id: ev.articleId})
                  WHERE a.date IS NOT NULL
                }
                OR EXISTS {
                  MATCH (ev:Evidence {relationId: r.id}), (a:Article {id: ev.articleId})
                  WHERE a.date >= coalesce($dateFrom, '') AND a.date <= coalesce($dateTo, '9999-12-31')
                })
         RETURN {relationId: r.id, node: m.id, degree: COUNT { (m)-[:REL]-() }}
         ORDER BY r.seq, r.id
         LIMIT $perNode
       } AS steps
