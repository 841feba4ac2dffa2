UNWIND $relations AS item
MERGE (held:HeldRelation {id: item.id})
  ON CREATE SET held.type = item.type, held.fromId = item.fromId, held.toId = item.toId,
                held.amountCny = item.amountCny, held.role = item.role, held.seq = item.seq
RETURN count(*) AS written
