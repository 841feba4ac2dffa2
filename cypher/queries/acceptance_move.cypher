// A merge gives relations new ids: an acceptance follows its fact (a twin's own acceptance wins).
UNWIND $moves AS move
MATCH (acc:Acceptance {relationId: move.fromId})
OPTIONAL MATCH (twin:Acceptance {relationId: move.toId})
WITH acc, move, count(twin) AS twins
FOREACH (_ IN CASE WHEN twins > 0 THEN [1] ELSE [] END | DELETE acc)
FOREACH (_ IN CASE WHEN twins = 0 THEN [1] ELSE [] END | SET acc.relationId = move.toId)
