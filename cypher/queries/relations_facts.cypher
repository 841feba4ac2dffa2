// What the dashboards count: each relation's endpoints, amount and role, and the date of the
// earliest article that states it (the year a project is counted in). No evidence text.
UNWIND $ids AS relationId
MATCH (source:Entity)-[r:REL {id: relationId}]->(target:Entity)
OPTIONAL MATCH (ev:Evidence {relationId: relationId})-[:STATED_IN]->(a:Article)
WITH source, r, target, min(a.date) AS date
RETURN r.id AS id,
       source.id AS from,
       source.type AS fromType,
       target.id AS to,
       r.amountCny AS amountCny,
       r.role AS role,
       date
