// How many named views there are, and where the page after $after starts (null: no such view).
MATCH (v:SavedView)
WHERE v.name IS NOT NULL
WITH count(v) AS total
OPTIONAL MATCH (a:SavedView {id: $after})
RETURN total, a.seq AS afterSeq
