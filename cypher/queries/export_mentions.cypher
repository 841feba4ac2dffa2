MATCH (e:Entity)-[:MENTIONED_IN]->(a:Article)
RETURN e.id AS entityId, a.id AS articleId
ORDER BY entityId, articleId
SKIP $offset
LIMIT $limit
