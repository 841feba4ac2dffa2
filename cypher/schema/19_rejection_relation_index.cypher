// A restore looks for the pieces of a relation still rejected on their own.
CREATE INDEX rejection_relation IF NOT EXISTS
FOR (x:Rejection) ON (x.relationId)
