// Undoing a merge: the merged id leads nowhere else any more, and earlier merges into it lead
// back to it.
OPTIONAL MATCH (rd:Redirect {fromId: $mergeId})
DELETE rd
WITH count(*) AS done
UNWIND $redirectsIn AS fromId
MATCH (earlier:Redirect {fromId: fromId, toId: $keepId})
SET earlier.toId = $mergeId
