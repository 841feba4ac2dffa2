UNWIND $redirects AS item
MERGE (rd:Redirect {fromId: item.fromId})
  ON CREATE SET rd.toId = item.toId
RETURN count(*) AS written
