MATCH (ev:Evidence)
RETURN ev.relationId AS relationId, ev.articleId AS articleId, ev.text AS text, ev.start AS start, ev.end AS end
ORDER BY relationId, articleId, start
SKIP $offset
LIMIT $limit
