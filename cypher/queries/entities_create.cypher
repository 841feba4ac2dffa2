// MERGE, not CREATE: a concurrent loader (or this transaction's own retried commit) that made
// the entity first is matched, reported as not created, and given these names by the adapter.
// The per-type label helps people browsing the graph in Neo4j Browser; queries use e.type.
UNWIND $entities AS item
MERGE (e:Entity {id: item.id})
  ON CREATE SET e.type = item.type,
                e.name = item.name,
                e.aliases = item.aliases,
                e.nameKeys = item.nameKeys,
                e.searchKeys = item.searchKeys,
                e.searchText = item.searchText,
                e._created = true
WITH e, item, e._created IS NOT NULL AS created
REMOVE e._created
FOREACH (_ IN CASE WHEN created AND item.type = 'District' THEN [1] ELSE [] END | SET e:District)
FOREACH (_ IN CASE WHEN created AND item.type = 'Cluster' THEN [1] ELSE [] END | SET e:Cluster)
FOREACH (_ IN CASE WHEN created AND item.type = 'Enterprise' THEN [1] ELSE [] END | SET e:Enterprise)
FOREACH (_ IN CASE WHEN created AND item.type = 'Platform' THEN [1] ELSE [] END | SET e:Platform)
FOREACH (_ IN CASE WHEN created AND item.type = 'Project' THEN [1] ELSE [] END | SET e:Project)
FOREACH (key IN CASE WHEN created THEN item.nameKeys ELSE [] END |
  MERGE (k:NameKey {key: key})
  MERGE (k)-[:NAMES]->(e))
RETURN item.id AS id, created
