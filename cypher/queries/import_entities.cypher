UNWIND $entities AS item
CREATE (e:Entity {
  id: item.id,
  type: item.type,
  name: item.name,
  aliases: item.aliases,
  nameKeys: item.nameKeys,
  searchKeys: item.searchKeys
})
FOREACH (_ IN CASE WHEN item.type = 'District' THEN [1] ELSE [] END | SET e:District)
FOREACH (_ IN CASE WHEN item.type = 'Cluster' THEN [1] ELSE [] END | SET e:Cluster)
FOREACH (_ IN CASE WHEN item.type = 'Enterprise' THEN [1] ELSE [] END | SET e:Enterprise)
FOREACH (_ IN CASE WHEN item.type = 'Platform' THEN [1] ELSE [] END | SET e:Platform)
FOREACH (_ IN CASE WHEN item.type = 'Project' THEN [1] ELSE [] END | SET e:Project)
