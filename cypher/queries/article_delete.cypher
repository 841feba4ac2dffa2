// Returns the entities it mentioned: candidates for removal once nothing else holds them.
MATCH (a:Article {id: $articleId})
OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(a)
WITH a, collect(e.id) AS entityIds
DETACH DELETE a
RETURN entityIds
