UNWIND $rejections AS item
MERGE (x:Rejection {id: item.id})
  ON CREATE SET x.relationId = item.relationId, x.type = item.type, x.fromId = item.fromId, x.toId = item.toId,
                x.articleId = item.articleId, x.start = item.start, x.end = item.end, x.text = item.text,
                x.reason = item.reason, x.at = item.at, x.actor = item.actor
RETURN count(*) AS written
