MATCH (x:Rejection {relationId: $relationId})
RETURN x.id AS id, x.articleId AS articleId, x.start AS start, x.end AS end
