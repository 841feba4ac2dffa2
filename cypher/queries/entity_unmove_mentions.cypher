// Undoing a merge: the kept entity stops being named by the articles only the merged one was
// named by, and the merged entity (created again) is named by its articles that still exist.
MATCH (keep:Entity {id: $keepId})
OPTIONAL MATCH (keep)-[m:MENTIONED_IN]->(gone:Article)
WHERE gone.id IN $mentionsAdded
DELETE m
WITH DISTINCT keep
MATCH (merged:Entity {id: $mergeId})
UNWIND $mentions AS articleId
MATCH (a:Article {id: articleId})
MERGE (merged)-[:MENTIONED_IN]->(a)
