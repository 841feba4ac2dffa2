UNWIND $ids AS fromId
MATCH (rd:Redirect {fromId: fromId})
MATCH (e:Entity {id: rd.toId})
RETURN fromId, e.id AS toId
