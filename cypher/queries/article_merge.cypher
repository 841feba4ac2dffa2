// The article's node is the claim on loading it: a second loader of the same text waits on the
// unique constraint, then finds it here (created = false) and reports the article unchanged.
// A commit retried after its answer was lost finds its own article the same way.
MERGE (a:Article {id: $id})
  ON CREATE SET a.text = $text,
                a.length = $length,
                a.title = $title,
                a.date = $date,
                a.source = $source,
                a.url = $url,
                a.file = $file,
                a.loadedAt = $loadedAt,
                a._created = true
WITH a, a._created IS NOT NULL AS created
REMOVE a._created
RETURN created
