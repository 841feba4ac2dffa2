CREATE CONSTRAINT audit_entry_id_unique IF NOT EXISTS
FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE
