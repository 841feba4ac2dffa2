MATCH (a:Article {id: $articleId})
UNWIND $evidence AS item
MERGE (ev:Evidence {id: item.id})
  ON CREATE SET ev.relationId = item.relationId,
                ev.articleId = $articleId,
                ev.text = item.text,
                ev.start = item.start,
                ev.end = item.end,
                ev.rule = item.rule,
                ev.confidence = item.confidence
MERGE (ev)-[:STATED_IN]->(a)
RETURN count(ev) AS added
