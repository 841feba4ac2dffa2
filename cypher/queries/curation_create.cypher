OPTIONAL MATCH (previous:Curation)
WITH coalesce(max(previous.seq), 0) + 1 AS seq
CREATE (c:Curation {id: $id, seq: seq, kind: $kind, entityId: $entityId, value: $value, at: $at})
