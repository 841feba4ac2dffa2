// An analyst's acceptance of a fact, one per relation id (it outlives a reject and restore).
CREATE CONSTRAINT acceptance_relation_unique IF NOT EXISTS
FOR (acc:Acceptance) REQUIRE acc.relationId IS UNIQUE
