// Also answers "is this article loaded?" inside the upsert transaction.
MATCH (a:Article)
WHERE a.id IN $ids
RETURN a {.id, .text, .title, .date, .source, .url, .file, .loadedAt} AS article
