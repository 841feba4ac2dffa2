// A rejected relation leaves the graph: what it said is kept on a HeldRelation, its evidence
// relabelled HeldEvidence (out of every read, back on a restore). Returns its endpoints.
UNWIND $relationIds AS relationId
MATCH (source:Entity)-[r:REL {id: relationId}]->(target:Entity)
MERGE (held:HeldRelation {id: r.id})
SET held.type = r.type, held.fromId = source.id, held.toId = target.id,
    held.amountCny = r.amountCny, held.role = r.role, held.seq = r.seq
WITH r, [source.id, target.id] AS ends
OPTIONAL MATCH (ev:Evidence {relationId: r.id})
WITH r, ends, collect(ev) AS stated
FOREACH (ev IN stated | REMOVE ev:Evidence SET ev:HeldEvidence)
DELETE r
RETURN ends
