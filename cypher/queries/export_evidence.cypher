// By evidence id (unique, indexed): a total order, so no row repeats or vanishes between pages.
MATCH (ev:Evidence)
WHERE ev.id > $after
RETURN ev.id AS id, ev.relationId AS relationId, ev.articleId AS articleId, ev.text AS text, ev.start AS start, ev.end AS end,
       ev.rule AS rule, ev.confidence AS confidence
ORDER BY ev.id
LIMIT $limit
