// New indexes populate in the background; migrate waits for this adapter's own, one by one
// (db.awaitIndexes would also wait on, and fail for, other applications' indexes).
CALL db.awaitIndex($name, $timeoutSeconds)
