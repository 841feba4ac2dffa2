MATCH (x:Rejection {id: $id})
WITH x, x.id AS id
DELETE x
RETURN id
