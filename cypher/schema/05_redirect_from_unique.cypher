// One merged id redirects to exactly one kept entity.
CREATE CONSTRAINT redirect_from_unique IF NOT EXISTS
FOR (rd:Redirect) REQUIRE rd.fromId IS UNIQUE
