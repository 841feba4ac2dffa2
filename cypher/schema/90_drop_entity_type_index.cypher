// No query seeks entities by type (resolution goes through NameKey, counts through labels).
DROP INDEX entity_type IF EXISTS
