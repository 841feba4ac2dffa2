CREATE INDEX article_loaded IF NOT EXISTS
FOR (a:Article) ON (a.loadedAt)
