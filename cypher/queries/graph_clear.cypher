// Tests only: empties the database the contract suite runs against.
MATCH (n)
DETACH DELETE n
