// Returns the relations that lost evidence, so the caller can drop those left with none.
MATCH (ev:Evidence)-[:STATED_IN]->(:Article {id: $articleId})
WITH collect(ev) AS stated, collect(DISTINCT ev.relationId) AS relationIds
FOREACH (ev IN stated | DETACH DELETE ev)
RETURN relationIds
