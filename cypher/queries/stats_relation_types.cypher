// The ontology type is a property (one relationship type, REL): each type is counted through
// the relation_type index, not by reading every relationship.
UNWIND $types AS type
RETURN type, COUNT { ()-[r:REL]->() WHERE r.type = type } AS count
