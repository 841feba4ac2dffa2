UNWIND $entries AS item
MERGE (a:AuditEntry {id: item.id})
  ON CREATE SET a.kind = item.kind, a.at = item.at, a.actor = item.actor, a.target = item.target,
                a.before = item.before, a.after = item.after
RETURN count(*) AS written
