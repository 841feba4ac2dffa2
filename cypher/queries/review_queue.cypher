// 待审核: relations nobody accepted (rejected ones are out of the graph), least certain first:
// confidence (noisy-or over the live evidence, 1 − Π(1 − c), unknown pieces left out; unknown
// last), then fewer pieces of evidence, then id. Keyset pages on that whole key.
MATCH (:Entity)-[r:REL]->(:Entity)
WHERE ($types IS NULL OR r.type IN $types)
  AND NOT EXISTS { MATCH (:Acceptance {relationId: r.id}) }
MATCH (ev:Evidence {relationId: r.id})
WITH r, collect(ev.confidence) AS known, count(ev) AS pieces
WITH r, pieces,
     CASE WHEN size(known) = 0 THEN null
          ELSE round(1.0 - reduce(missing = 1.0, c IN known | missing * (1.0 - c)), 6) END AS confidence
WHERE $threshold IS NULL OR confidence IS NULL OR confidence < $threshold
WITH r, pieces, confidence, CASE WHEN confidence IS NULL THEN 1 ELSE 0 END AS unknown, coalesce(confidence, 0.0) AS c
WHERE $after IS NULL
   OR unknown > $after.unknown
   OR (unknown = $after.unknown AND (c > $after.confidence
       OR (c = $after.confidence AND (pieces > $after.evidence
           OR (pieces = $after.evidence AND r.id > $after.id)))))
RETURN r.id AS id, confidence, pieces
ORDER BY unknown, c, pieces, r.id
LIMIT $limit
