MATCH (:Entity {id: $id})-[:MENTIONED_IN]->(a:Article)
RETURN a.id AS articleId
ORDER BY a.date IS NULL, a.date DESC, a.id
