// Evidence follows its relation to the relation's new id; a sentence already stated for the
// target relation is not kept twice.
UNWIND $moves AS move
MATCH (ev:Evidence {relationId: move.fromId})
OPTIONAL MATCH (twin:Evidence {relationId: move.toId, articleId: ev.articleId, start: ev.start, end: ev.end})
WITH ev, move, count(twin) AS twins
FOREACH (_ IN CASE WHEN twins > 0 THEN [1] ELSE [] END | DETACH DELETE ev)
FOREACH (_ IN CASE WHEN twins = 0 THEN [1] ELSE [] END | SET ev.relationId = move.toId)
