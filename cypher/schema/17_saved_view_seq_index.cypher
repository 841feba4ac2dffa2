// Named views are listed newest first, a page at a time from the seq of the last one shown.
CREATE INDEX saved_view_seq IF NOT EXISTS
FOR (v:SavedView) ON (v.seq)
