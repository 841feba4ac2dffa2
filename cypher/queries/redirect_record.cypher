// Earlier merges into the merged entity are re-pointed, so a redirect is always one hop.
MERGE (rd:Redirect {fromId: $mergeId})
SET rd.toId = $keepId
WITH rd
OPTIONAL MATCH (earlier:Redirect {toId: $mergeId})
SET earlier.toId = $keepId
