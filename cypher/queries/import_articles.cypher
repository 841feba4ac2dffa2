// Restore: the records of an export, a batch at a time, into an empty database. MERGE, so a
// batch whose commit is retried after a lost answer does not trip a constraint.
UNWIND $articles AS item
MERGE (a:Article {id: item.id})
  ON CREATE SET a.text = item.text,
                a.length = item.length,
                a.title = item.title,
                a.date = item.date,
                a.source = item.source,
                a.url = item.url,
                a.file = item.file,
                a.loadedAt = item.loadedAt
RETURN count(*) AS written
