// Sentences held with a rejection, by evidence id (unique, indexed): keyset pages.
MATCH (ev:HeldEvidence)
WHERE ev.id > $after
RETURN ev.id AS id, ev.relationId AS relationId, ev.articleId AS articleId, ev.text AS text, ev.start AS start, ev.end AS end,
       ev.rule AS rule, ev.confidence AS confidence
ORDER BY ev.id
LIMIT $limit
