// Where an extracted entity lands: its own id, else a same-type entity carrying one of its
// names (canonical form), else the entity an analyst merged its id into.
OPTIONAL MATCH (byId:Entity {id: $id})
WITH byId
OPTIONAL MATCH (byName:Entity {type: $type})
WHERE any(key IN byName.nameKeys WHERE key IN $nameKeys)
WITH byId, byName
ORDER BY byName.id
WITH byId, collect(byName.id) AS byNameIds
OPTIONAL MATCH (rd:Redirect {fromId: $id})
OPTIONAL MATCH (redirected:Entity {id: rd.toId})
RETURN byId.id AS byId, byNameIds[0] AS byNameId, redirected.id AS redirectedId
