// An analyst's merge can leave an entity related but unmentioned: it stays while related.
MATCH (e:Entity)
WHERE e.id IN $entityIds
  AND NOT EXISTS { (e)-[:MENTIONED_IN]->() }
  AND NOT EXISTS { (e)-[:REL]-() }
DETACH DELETE e
RETURN count(*) AS deleted
