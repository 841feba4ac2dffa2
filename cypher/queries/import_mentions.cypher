UNWIND $mentions AS item
MATCH (e:Entity {id: item.entityId})
MATCH (a:Article {id: item.articleId})
CREATE (e)-[:MENTIONED_IN]->(a)
