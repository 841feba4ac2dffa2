// Export walks relations in the order their facts arrived (seq), a page at a time from a cursor.
CREATE INDEX relation_seq IF NOT EXISTS
FOR ()-[r:REL]-() ON (r.seq)
