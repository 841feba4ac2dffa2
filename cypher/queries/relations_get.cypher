MATCH (source:Entity)-[r:REL]->(target:Entity)
WHERE r.id IN $ids
OPTIONAL MATCH (ev:Evidence {relationId: r.id})
WITH source, r, target, ev
ORDER BY ev.articleId, ev.start, ev.end
WITH source, r, target, collect(ev {.articleId, .text, .start, .end, .rule, .confidence}) AS evidence
OPTIONAL MATCH (acc:Acceptance {relationId: r.id})
RETURN r {.id, .type, .amountCny, .role} AS relation, source.id AS from, target.id AS to, evidence,
       acc {.relationId, .at, .actor} AS accepted
