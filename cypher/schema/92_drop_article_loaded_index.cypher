// Export pages articles by id now; nothing orders or seeks by loadedAt.
DROP INDEX article_loaded IF EXISTS
