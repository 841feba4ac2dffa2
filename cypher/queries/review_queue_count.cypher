// How many facts the review queue holds, with this threshold and these types (see review_queue).
MATCH (:Entity)-[r:REL]->(:Entity)
WHERE ($types IS NULL OR r.type IN $types)
  AND NOT EXISTS { MATCH (:Acceptance {relationId: r.id}) }
MATCH (ev:Evidence {relationId: r.id})
WITH r, collect(ev.confidence) AS known, count(ev) AS pieces
WITH r, pieces,
     CASE WHEN size(known) = 0 THEN null
          ELSE round(1.0 - reduce(missing = 1.0, c IN known | missing * (1.0 - c)), 6) END AS confidence
WHERE $threshold IS NULL OR confidence IS NULL OR confidence < $threshold
RETURN count(r) AS total
