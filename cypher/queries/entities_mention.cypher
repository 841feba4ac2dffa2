MATCH (a:Article {id: $articleId})
UNWIND $entityIds AS entityId
MATCH (e:Entity {id: entityId})
MERGE (e)-[:MENTIONED_IN]->(a)
