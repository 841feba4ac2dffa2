MATCH (v:SavedView {id: $id})
RETURN v {.id, .name, .state, .savedAt, .ownerHash} AS view
