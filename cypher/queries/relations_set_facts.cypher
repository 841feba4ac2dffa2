// Undoing a merge: a relation that took in the merged entity's fact gets back the amount and
// role it had before.
UNWIND $relations AS rel
MATCH ()-[r:REL {id: rel.id}]->()
SET r.amountCny = rel.amountCny, r.role = rel.role
