// Backup: a page of articles after a cursor, in id order, straight off the unique index
// (keyset paging: no SKIP, so a page costs the same at the end as at the start).
MATCH (a:Article)
WHERE a.id > $after
RETURN a {.id, .title, .date, .source, .url, .file, .text, .loadedAt} AS article
ORDER BY a.id
LIMIT $limit
