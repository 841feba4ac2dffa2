// The id is fixed before the transaction (time-ordered, with a random suffix): a commit retried
// after its answer was lost finds its own entry instead of writing a second. before and after are JSON text.
MERGE (a:AuditEntry {id: $entry.id})
  ON CREATE SET a.kind = $entry.kind, a.at = $entry.at, a.actor = $entry.actor, a.target = $entry.target,
                a.before = $entry.before, a.after = $entry.after
