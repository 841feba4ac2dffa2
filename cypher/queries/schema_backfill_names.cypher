// Migration of a graph loaded before NameKey and searchText existed: gives each entity lacking
// them its name nodes and its CONTAINS text, in batches of their own transactions (auto-commit).
MATCH (e:Entity)
WHERE e.searchText IS NULL
CALL (e) {
  SET e.searchText = substring(reduce(text = '', key IN coalesce(e.searchKeys, []) | text + '\n' + key), 1)
  FOREACH (key IN coalesce(e.nameKeys, []) |
    MERGE (k:NameKey {key: key})
    MERGE (k)-[:NAMES]->(e))
} IN TRANSACTIONS OF 1000 ROWS
