// A saved view is found by the short id a link carries, and written with MERGE on it.
CREATE CONSTRAINT saved_view_id_unique IF NOT EXISTS
FOR (v:SavedView) REQUIRE v.id IS UNIQUE
