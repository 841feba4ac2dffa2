MATCH (e:Entity)
RETURN e.type AS type, count(*) AS count
