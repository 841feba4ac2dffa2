// Every district with how many entities are located in it, most first: the explorer's 区县
// filter lists them all, whether or not they are on the canvas.
MATCH (d:District)
RETURN d {.id, .type, .name, .aliases} AS entity,
       COUNT { (d)<-[r:REL]-() WHERE r.type = 'LOCATED_IN' } AS located
ORDER BY located DESC, d.id
