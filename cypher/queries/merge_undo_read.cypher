// What an undo of a merge needs, read before anything moves: the articles naming each of the
// two entities and the ids earlier merges redirected to the one merged away.
MATCH (merged:Entity {id: $mergeId})
MATCH (keep:Entity {id: $keepId})
RETURN COLLECT { MATCH (merged)-[:MENTIONED_IN]->(a:Article) RETURN a.id AS id ORDER BY id } AS mentions,
       COLLECT { MATCH (keep)-[:MENTIONED_IN]->(a:Article) RETURN a.id AS id } AS keptMentions,
       COLLECT { MATCH (rd:Redirect {toId: $mergeId}) RETURN rd.fromId AS id ORDER BY id } AS redirectsIn
