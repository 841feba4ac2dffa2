// Latin queries (pinyin, initials, Latin names) go here: the cjk analyzer drops English stop
// words, so initials such as "at" (安泰) or "by" (博源) would never be indexed there.
CREATE FULLTEXT INDEX entity_search_latin IF NOT EXISTS
FOR (e:Entity) ON EACH [e.name, e.aliases, e.searchKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}
