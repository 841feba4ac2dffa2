MATCH (keep:Entity {id: $keepId})
MATCH (:Entity {id: $mergeId})-[:MENTIONED_IN]->(a:Article)
MERGE (keep)-[:MENTIONED_IN]->(a)
