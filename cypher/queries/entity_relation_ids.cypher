MATCH (:Entity {id: $id})-[r:REL]-(:Entity)
RETURN DISTINCT r.id AS relationId
ORDER BY relationId
