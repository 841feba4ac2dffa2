// A hub has tens of thousands of relations and articles: only the first page of each leaves
// the server (Top-k, not a sorted list of all), and the counts come from the degree store.
MATCH (e:Entity {id: $id})
RETURN e {.id, .type, .name, .aliases} AS entity,
       COUNT { (e)-[:REL]-() } AS degree,
       COUNT { (e)-[:MENTIONED_IN]->() } AS articleCount,
       COLLECT {
         MATCH (e)-[r:REL]-()
         RETURN r.id AS relationId
         ORDER BY relationId
         LIMIT $relationLimit
       } AS relationIds,
       COLLECT {
         MATCH (e)-[:MENTIONED_IN]->(a:Article)
         RETURN a.id AS articleId
         ORDER BY a.date IS NULL, a.date DESC, articleId
         LIMIT $articleLimit
       } AS articleIds
