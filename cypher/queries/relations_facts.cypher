// What the dashboards count: each relation's endpoints, amount and role. No evidence text.
UNWIND $ids AS relationId
MATCH (source:Entity)-[r:REL {id: relationId}]->(target:Entity)
RETURN r.id AS id,
       source.id AS from,
       source.type AS fromType,
       target.id AS to,
       r.amountCny AS amountCny,
       r.role AS role
