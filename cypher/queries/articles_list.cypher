// Load order, oldest first: stable under paging while articles keep arriving.
MATCH (a:Article)
RETURN a {.id, .title, .date, .source, .url, .file, .loadedAt, .length} AS article
ORDER BY a.loadedAt, a.id
SKIP $offset
LIMIT $limit
