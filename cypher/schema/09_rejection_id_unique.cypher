CREATE CONSTRAINT rejection_id_unique IF NOT EXISTS
FOR (x:Rejection) REQUIRE x.id IS UNIQUE
