// Write-locks the name nodes an article is about to resolve, in sorted order (so two loaders
// cannot deadlock on them), before anything is read: a loader naming the same entity waits for
// this one to commit, then resolves onto what it created instead of creating a duplicate.
UNWIND $keys AS key
MERGE (k:NameKey {key: key})
SET k._LOCK_ = true
REMOVE k._LOCK_
