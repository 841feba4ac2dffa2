UNWIND $acceptances AS item
MERGE (acc:Acceptance {relationId: item.relationId})
  ON CREATE SET acc.at = item.at, acc.actor = item.actor
RETURN count(*) AS written
