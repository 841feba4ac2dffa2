// The id is derived from what was done and when, outside the transaction: a commit retried
// after its answer was lost finds its own curation instead of writing a second one.
MERGE (c:Curation {id: $id})
  ON CREATE SET c.seq = $seq, c.kind = $kind, c.entityId = $entityId, c.value = $value, c.at = $at
