// Newest first, keyset on the id (unique, indexed, time-ordered); optional filters by actor and kind.
MATCH (a:AuditEntry)
WHERE a.id < $after
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($kind IS NULL OR a.kind = $kind)
RETURN a {.id, .kind, .at, .actor, .target, .before, .after} AS entry
ORDER BY a.id DESC
LIMIT $limit
