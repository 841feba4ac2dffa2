UNWIND $entities AS item
MERGE (e:Entity {id: item.id})
  ON CREATE SET e.type = item.type,
                e.name = item.name,
                e.aliases = item.aliases,
                e.nameKeys = item.nameKeys,
                e.searchKeys = item.searchKeys,
                e.searchText = item.searchText
FOREACH (_ IN CASE WHEN item.type = 'District' THEN [1] ELSE [] END | SET e:District)
FOREACH (_ IN CASE WHEN item.type = 'Cluster' THEN [1] ELSE [] END | SET e:Cluster)
FOREACH (_ IN CASE WHEN item.type = 'Enterprise' THEN [1] ELSE [] END | SET e:Enterprise)
FOREACH (_ IN CASE WHEN item.type = 'Platform' THEN [1] ELSE [] END | SET e:Platform)
FOREACH (_ IN CASE WHEN item.type = 'Project' THEN [1] ELSE [] END | SET e:Project)
FOREACH (key IN item.nameKeys |
  MERGE (k:NameKey {key: key})
  MERGE (k)-[:NAMES]->(e))
RETURN count(*) AS written
