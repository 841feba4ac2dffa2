// COUNT {} over a label or type is answered from the count store, not by scanning.
RETURN COUNT { (:Article) } AS articles,
       COUNT { (:Entity) } AS entities,
       COUNT { ()-[:REL]->() } AS relations,
       COUNT { (:Evidence) } AS evidence
