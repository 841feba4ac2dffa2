// Rejected relations held for a restore, by id (unique, indexed): keyset pages.
MATCH (held:HeldRelation)
WHERE held.id > $after
RETURN held {.id, .type, .fromId, .toId, .amountCny, .role} AS relation
ORDER BY held.id
LIMIT $limit
