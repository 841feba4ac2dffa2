// By relation id (unique, indexed): keyset pages.
MATCH (acc:Acceptance)
WHERE acc.relationId > $after
RETURN acc {.relationId, .at, .actor} AS acceptance
ORDER BY acc.relationId
LIMIT $limit
