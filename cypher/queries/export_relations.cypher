// In the order facts arrived (seq, then id for facts of one instant), a page after the cursor
// (afterSeq, afterId): paths of one length are listed in that order, so a restore keeps it.
MATCH (source:Entity)-[r:REL]->(target:Entity)
WHERE r.seq >= $afterSeq AND (r.seq > $afterSeq OR r.id > $afterId)
RETURN r.id AS id, r.type AS type, source.id AS from, target.id AS to, r.amountCny AS amountCny, r.role AS role, r.seq AS seq
ORDER BY r.seq, r.id
LIMIT $limit
