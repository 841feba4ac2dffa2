MATCH (held:HeldRelation {id: $relationId})
RETURN held {.id, .type, .fromId, .toId, .amountCny, .role, .seq} AS relation
