// An id an analyst merged away still names the entity it went into (redirects are one hop).
OPTIONAL MATCH (rd:Redirect {fromId: $id})
WITH coalesce(rd.toId, $id) AS targetId
MATCH (e:Entity {id: targetId})
RETURN e.id AS id
