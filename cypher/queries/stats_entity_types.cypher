// Every entity carries its type as a label too: these counts come from the count store.
RETURN COUNT { (:District) } AS District,
       COUNT { (:Cluster) } AS Cluster,
       COUNT { (:Enterprise) } AS Enterprise,
       COUNT { (:Platform) } AS Platform,
       COUNT { (:Project) } AS Project
