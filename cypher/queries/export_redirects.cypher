MATCH (rd:Redirect)
WHERE rd.fromId > $after
RETURN rd.fromId AS fromId, rd.toId AS toId
ORDER BY rd.fromId
LIMIT $limit
