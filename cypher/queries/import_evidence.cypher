UNWIND $evidence AS item
MATCH (a:Article {id: item.articleId})
CREATE (ev:Evidence {
  id: item.id,
  relationId: item.relationId,
  articleId: item.articleId,
  text: item.text,
  start: item.start,
  end: item.end
})-[:STATED_IN]->(a)
