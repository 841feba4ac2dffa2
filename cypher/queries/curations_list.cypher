MATCH (c:Curation)
RETURN c {.kind, .entityId, .value, .at} AS curation
ORDER BY c.seq, c.at, c.id
