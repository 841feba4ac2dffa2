// One rejected piece of evidence leaves the graph; the relation stays while other pieces state it.
MATCH (ev:Evidence)
WHERE ev.id IN $evidenceIds
REMOVE ev:Evidence
SET ev:HeldEvidence
RETURN count(ev) AS held
