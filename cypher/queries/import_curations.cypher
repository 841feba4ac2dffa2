UNWIND $curations AS item
MERGE (c:Curation {id: item.id})
  ON CREATE SET c.seq = item.seq, c.kind = item.kind, c.entityId = item.entityId, c.value = item.value, c.at = item.at
RETURN count(*) AS written
