// Undoing a merge: each piece of evidence the merge moved goes back to the relation it was
// stated for (its id was derived from that relation and never changed). A piece gone since
// (its article deleted, or held by a rejection) is not returned.
UNWIND $pieces AS piece
MATCH (ev:Evidence {relationId: piece.fromId, articleId: piece.articleId, start: piece.start, end: piece.end})
SET ev.relationId = piece.toId
RETURN piece.toId AS relationId, piece.articleId AS articleId, piece.start AS start, piece.end AS end
