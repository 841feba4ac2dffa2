// Accepting twice (or a commit retried after its answer was lost) keeps the first acceptance:
// `created` is whether this call's time is the one kept.
MATCH ()-[r:REL {id: $relationId}]->()
MERGE (acc:Acceptance {relationId: r.id})
  ON CREATE SET acc.at = $at, acc.actor = $actor
RETURN acc {.relationId, .at, .actor} AS accepted, acc.at = $at AS created
