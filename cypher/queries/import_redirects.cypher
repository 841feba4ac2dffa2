UNWIND $redirects AS item
CREATE (:Redirect {fromId: item.fromId, toId: item.toId})
