// The newest articles naming an entity, as listings (no text), for the dashboards.
MATCH (:Entity {id: $id})-[:MENTIONED_IN]->(a:Article)
RETURN a {.id, .title, .date, .source, .url, .file, .loadedAt, .length} AS article
ORDER BY a.date IS NULL, a.date DESC, a.id
LIMIT $limit
