// Everything resolution needs for all of an article's entities, in one round trip: whether the
// entity's own id exists, where a merge redirected it, which same-type entities carry each of
// its names, and where its aliases' ids were redirected. The adapter picks, in SQLite's order.
UNWIND $queries AS q
RETURN q.index AS index,
       COLLECT { MATCH (e:Entity {id: q.ownId}) RETURN e.id } AS own,
       COLLECT { MATCH (rd:Redirect {fromId: q.ownId}) MATCH (e:Entity {id: rd.toId}) RETURN e.id } AS redirected,
       COLLECT {
         UNWIND q.keys AS key
         MATCH (:NameKey {key: key})-[:NAMES]->(e:Entity)
         WHERE e.type = q.type
         WITH key, collect(DISTINCT e.id) AS ids
         RETURN {key: key, ids: ids}
       } AS named,
       COLLECT {
         UNWIND q.aliasIds AS aliasId
         MATCH (rd:Redirect {fromId: aliasId})
         MATCH (e:Entity {id: rd.toId})
         RETURN {aliasId: aliasId, id: e.id}
       } AS aliasRedirects
