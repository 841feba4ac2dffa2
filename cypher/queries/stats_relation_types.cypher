MATCH ()-[r:REL]->()
RETURN r.type AS type, count(*) AS count
