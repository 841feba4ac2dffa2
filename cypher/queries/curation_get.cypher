// Did this very curation commit already? (A merge retried after its answer was lost.)
MATCH (c:Curation {id: $id})
RETURN c.id AS id
