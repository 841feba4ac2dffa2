// One node per canonical name (or alias), pointing at every entity that carries it: entity
// resolution and search's exact-name step are one index seek, and a loader locks the names it
// is about to resolve on these nodes, so two loaders cannot both create an entity for one name.
CREATE CONSTRAINT name_key_unique IF NOT EXISTS
FOR (k:NameKey) REQUIRE k.key IS UNIQUE
