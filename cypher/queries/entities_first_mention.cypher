// The date of the earliest article naming each entity: the year a project counts in.
UNWIND $ids AS entityId
MATCH (e:Entity {id: entityId})
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(a:Article)
RETURN entityId AS id, min(a.date) AS date
