// Merging an entity that earlier merges point at re-points them: looked up by target.
CREATE INDEX redirect_to IF NOT EXISTS
FOR (rd:Redirect) ON (rd.toId)
