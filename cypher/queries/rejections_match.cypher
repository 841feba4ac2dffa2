// Which of the facts an article is about to write an analyst rejected (whole, or that piece).
MATCH (x:Rejection)
WHERE x.id IN $ids
RETURN x.id AS id
