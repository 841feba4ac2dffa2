// Backup: articles in load order, a page at a time.
MATCH (a:Article)
RETURN a {.id, .title, .date, .source, .url, .file, .text, .loadedAt} AS article
ORDER BY a.loadedAt, a.id
SKIP $offset
LIMIT $limit
