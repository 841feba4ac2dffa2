// Named views, newest first: keyset paging on the unique seq (no SKIP), from the seq of the
// last view of the page before ($before; the largest integer for the first page).
MATCH (v:SavedView)
WHERE v.seq < $before AND v.name IS NOT NULL
RETURN v {.id, .name, .state, .savedAt} AS view
ORDER BY v.seq DESC
LIMIT $first
