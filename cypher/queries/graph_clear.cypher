// Empties the database: for the contract suite's scratch database, and to undo an import that
// failed part-way (imports only ever run into an empty database). In batches of their own
// transactions, so a million relations never sit in one transaction's memory; this only runs
// as an auto-commit query (session.run), never inside a managed transaction.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
