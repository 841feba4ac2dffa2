MATCH (x:Rejection {id: $id})
RETURN x {.id, .relationId, .type, .fromId, .toId, .articleId, .start, .end, .text, .reason, .at, .actor} AS rejection
