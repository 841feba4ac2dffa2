// Oldest first, by id (unique, indexed, time-ordered): keyset pages.
MATCH (a:AuditEntry)
WHERE a.id > $after
RETURN a {.id, .kind, .at, .actor, .target, .before, .after} AS entry
ORDER BY a.id
LIMIT $limit
