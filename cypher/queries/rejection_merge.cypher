// The id is the fact's own (relation id, or with the place of one piece of evidence): a commit
// retried after its answer was lost finds its own rejection instead of writing a second.
MERGE (x:Rejection {id: $rejection.id})
  ON CREATE SET x.relationId = $rejection.relationId, x.type = $rejection.type, x.fromId = $rejection.fromId,
                x.toId = $rejection.toId, x.articleId = $rejection.articleId, x.start = $rejection.start,
                x.end = $rejection.end, x.text = $rejection.text, x.reason = $rejection.reason,
                x.at = $rejection.at, x.actor = $rejection.actor
RETURN x {.id, .relationId, .type, .fromId, .toId, .articleId, .start, .end, .text, .reason, .at, .actor} AS rejection
