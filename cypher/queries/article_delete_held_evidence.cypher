// The article goes with what it stated, held or not; the rejections themselves stay.
MATCH (ev:HeldEvidence)-[:STATED_IN]->(:Article {id: $articleId})
DETACH DELETE ev
