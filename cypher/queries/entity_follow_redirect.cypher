// The entity's own id first, then where an analyst's merge sent it (SQLite's order): an id
// merged away and later created again names the new entity, not the old target.
OPTIONAL MATCH (own:Entity {id: $id})
OPTIONAL MATCH (rd:Redirect {fromId: $id})
WITH coalesce(own.id, rd.toId) AS targetId
MATCH (e:Entity {id: targetId})
RETURN e.id AS id
