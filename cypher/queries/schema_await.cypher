// New indexes populate in the background; search must not run before the full-text one is online.
CALL db.awaitIndexes($timeoutSeconds)
