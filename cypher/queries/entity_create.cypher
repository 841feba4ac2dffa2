// The per-type label helps people browsing the graph in Neo4j Browser; queries use e.type.
CREATE (e:Entity {
  id: $id,
  type: $type,
  name: $name,
  aliases: $aliases,
  nameKeys: $nameKeys,
  searchKeys: $searchKeys
})
FOREACH (_ IN CASE WHEN $type = 'District' THEN [1] ELSE [] END | SET e:District)
FOREACH (_ IN CASE WHEN $type = 'Cluster' THEN [1] ELSE [] END | SET e:Cluster)
FOREACH (_ IN CASE WHEN $type = 'Enterprise' THEN [1] ELSE [] END | SET e:Enterprise)
FOREACH (_ IN CASE WHEN $type = 'Platform' THEN [1] ELSE [] END | SET e:Platform)
FOREACH (_ IN CASE WHEN $type = 'Project' THEN [1] ELSE [] END | SET e:Project)
