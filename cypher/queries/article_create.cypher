CREATE (a:Article {
  id: $id,
  text: $text,
  length: $length,
  title: $title,
  date: $date,
  source: $source,
  url: $url,
  file: $file,
  loadedAt: $loadedAt
})
