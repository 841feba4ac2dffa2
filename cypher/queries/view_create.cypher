// The id and seq are fixed outside the transaction: a commit retried after its answer was lost
// finds its own view instead of writing a second one.
MERGE (v:SavedView {id: $id})
  ON CREATE SET v.seq = $seq, v.name = $name, v.state = $state, v.ownerHash = $ownerHash, v.savedAt = $savedAt
RETURN v {.id, .name, .state, .savedAt} AS view
