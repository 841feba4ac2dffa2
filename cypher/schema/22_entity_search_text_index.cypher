// searchText is the searchKeys joined by newlines (no search form holds one): a text index
// answers CONTAINS on it, for what the full-text indexes cannot see (one Han character,
// pinyin starting inside a name) without scanning every entity.
CREATE TEXT INDEX entity_search_text IF NOT EXISTS
FOR (e:Entity) ON (e.searchText)
