// Facts of an article being loaded that an analyst rejected: held, not written into the graph,
// so a re-load cannot bring them back and a restore brings them with the rest.
MATCH (a:Article {id: $articleId})
UNWIND $evidence AS item
MERGE (held:HeldRelation {id: item.relationId})
  ON CREATE SET held.type = item.type, held.fromId = item.fromId, held.toId = item.toId,
                held.amountCny = item.amountCny, held.role = item.role, held.seq = item.seq
MERGE (ev:HeldEvidence {id: item.id})
  ON CREATE SET ev.relationId = item.relationId, ev.articleId = $articleId, ev.text = item.text,
                ev.start = item.start, ev.end = item.end, ev.rule = item.rule, ev.confidence = item.confidence
MERGE (ev)-[:STATED_IN]->(a)
RETURN count(ev) AS held
