// One level of the chain view (and of the dashboards' walks): the relations of the given types
// leaving ('out'), entering ('in') or touching ('both') each node of the frontier, with the
// entity at the other end and its degree (from the degree store: a bare pattern). The adapter
// walks level by level and decides levels and cycles.
UNWIND $frontier AS nodeId
MATCH (node:Entity {id: nodeId})-[r:REL]-(other:Entity)
WHERE r.type IN $types
  AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = node))
RETURN node.id AS from,
       other.id AS to,
       other.type AS toType,
       r.id AS relationId,
       startNode(r).id AS src,
       endNode(r).id AS dst,
       COUNT { (other)-[:REL]-() } AS degree
