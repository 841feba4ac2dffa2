// Newest news first (SQLite's NULL sorts lowest, so undated articles come last there too).
MATCH (a:Article)
RETURN a {.id, .title, .date, .source, .url, .file, .loadedAt, .length} AS article
ORDER BY a.date IS NULL, a.date DESC, a.loadedAt DESC, a.id
SKIP $offset
LIMIT $limit
