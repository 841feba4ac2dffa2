// A row whose article is missing is not written, and not counted: the adapter compares.
UNWIND $evidence AS item
MATCH (a:Article {id: item.articleId})
MERGE (ev:HeldEvidence {id: item.id})
  ON CREATE SET ev.relationId = item.relationId, ev.articleId = item.articleId, ev.text = item.text,
                ev.start = item.start, ev.end = item.end, ev.rule = item.rule, ev.confidence = item.confidence
MERGE (ev)-[:STATED_IN]->(a)
RETURN count(*) AS written
