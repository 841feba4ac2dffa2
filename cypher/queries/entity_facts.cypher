// Every relation of an entity with what the details panel counts and filters on: its type,
// direction, the other end's type, the amount, and the articles stating it with their dates.
// Nothing is capped: a hub's figures are over all of its relations (rejected ones are held
// elsewhere, so they are not here).
MATCH (e:Entity {id: $id})-[r:REL]-(other:Entity)
WHERE other <> e
WITH DISTINCT e, r, other
OPTIONAL MATCH (ev:Evidence {relationId: r.id})-[:STATED_IN]->(a:Article)
RETURN r.id AS relationId,
       r.type AS type,
       startNode(r) = e AS out,
       other.type AS otherType,
       r.amountCny AS amountCny,
       [x IN collect(DISTINCT a {.id, .date}) WHERE x IS NOT NULL] AS articles
