// cjk: Han text is indexed as overlapping bigrams, so a quoted 2+ character query is a
// substring match inside a name (the standard analyzer indexes single characters, which makes
// every name sharing one character a hit). Latin searchKeys (pinyin) stay whole lower-case
// tokens and are queried as prefixes.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (e:Entity) ON EACH [e.name, e.aliases, e.searchKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
