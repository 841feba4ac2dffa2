// A row whose entity or article is missing is not written, and not counted: the adapter compares.
UNWIND $mentions AS item
MATCH (e:Entity {id: item.entityId})
MATCH (a:Article {id: item.articleId})
MERGE (e)-[:MENTIONED_IN]->(a)
RETURN count(*) AS written
