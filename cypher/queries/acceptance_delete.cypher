MATCH (acc:Acceptance {relationId: $relationId})
WITH acc, acc {.relationId, .at, .actor} AS accepted
DELETE acc
RETURN accepted
