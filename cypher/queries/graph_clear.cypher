// Empties the database: for the contract suite's scratch database, and to undo an import
// that failed part-way (imports only ever run into an empty database).
MATCH (n)
DETACH DELETE n
