// Restore: the records of an export, a batch at a time, into an empty database.
UNWIND $articles AS item
CREATE (a:Article {
  id: item.id,
  text: item.text,
  length: item.length,
  title: item.title,
  date: item.date,
  source: item.source,
  url: item.url,
  file: item.file,
  loadedAt: item.loadedAt
})
