UNWIND $curations AS item
CREATE (:Curation {id: item.id, seq: item.seq, kind: item.kind, entityId: item.entityId, value: item.value, at: item.at})
