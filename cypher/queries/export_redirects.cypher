MATCH (rd:Redirect)
RETURN rd.fromId AS fromId, rd.toId AS toId
ORDER BY fromId
