// No query seeks entities by name: names are looked up through NameKey.
DROP INDEX entity_name IF EXISTS
