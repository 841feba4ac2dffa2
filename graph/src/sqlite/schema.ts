import type Database from 'better-sqlite3';
import { storedPinyin } from '../search-keys';

/**
 * Migrations, in order; `PRAGMA user_version` records how many have run. Append only:
 * a released migration is never edited, so every existing data/ file can be brought forward.
 */
export type Migration = string | ((db: Database.Database) => void);

export const MIGRATIONS: Migration[] = [
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT, date TEXT, source TEXT, url TEXT, file TEXT,
    text TEXT NOT NULL,
    loaded_at TEXT NOT NULL
  );
  CREATE INDEX articles_order ON articles(date DESC, loaded_at DESC);

  -- Integer keys keep adjacency small and fast; the string id is what the world sees.
  CREATE TABLE entities (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    degree INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX entities_type ON entities(type);

  -- Every canonical name and alias of an entity, for resolving new mentions onto it.
  CREATE TABLE entity_names (
    type TEXT NOT NULL,
    name_key TEXT NOT NULL,
    entity INTEGER NOT NULL,
    PRIMARY KEY (type, name_key, entity)
  ) WITHOUT ROWID;
  CREATE INDEX entity_names_entity ON entity_names(entity);

  CREATE TABLE relations (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    src INTEGER NOT NULL REFERENCES entities(n),
    dst INTEGER NOT NULL REFERENCES entities(n),
    amount_cny REAL,
    role TEXT
  );
  CREATE INDEX relations_src ON relations(src, type, dst);
  CREATE INDEX relations_dst ON relations(dst, type, src);

  CREATE TABLE evidence (
    relation INTEGER NOT NULL REFERENCES relations(n),
    article_id TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (relation, article_id, start, end)
  ) WITHOUT ROWID;
  CREATE INDEX evidence_article ON evidence(article_id);

  CREATE TABLE mentions (
    entity INTEGER NOT NULL REFERENCES entities(n),
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (entity, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX mentions_article ON mentions(article_id);

  -- An analyst merged from_id into to_id: later articles naming from_id land on to_id.
  CREATE TABLE redirects (
    from_id TEXT PRIMARY KEY,
    to_id TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE curations (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    value TEXT NOT NULL,
    at TEXT NOT NULL
  );

  -- Pre-tokenised names (see search-keys.ts): rowid = entities.n.
  CREATE VIRTUAL TABLE search_index USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');
  `,
  // 2: adjacency indexes lead with both endpoints, so the relations between two given
  // entities (two hubs in a neighbourhood) are one index probe, not a scan of a hub's list.
  `
  DROP INDEX relations_src;
  DROP INDEX relations_dst;
  CREATE INDEX relations_src ON relations(src, dst, type);
  CREATE INDEX relations_dst ON relations(dst, src, type);
  `,
  // 3: the pinyin of every name and alias, kept beside the entity so a pinyin search scores
  // candidates with string operations instead of converting hundreds of names per query.
  (db) => {
    db.exec(`ALTER TABLE entities ADD COLUMN pinyin TEXT NOT NULL DEFAULT '[]'`);
    const update = db.prepare('UPDATE entities SET pinyin = ? WHERE n = ?');
    for (const row of db.prepare('SELECT n, name, aliases FROM entities').all() as { n: number; name: string; aliases: string }[]) {
      update.run(JSON.stringify(storedPinyin([row.name, ...(JSON.parse(row.aliases) as string[])])), row.n);
    }
  },
  // 4: a mention carries its article's date, so "the newest articles naming a hub" is an
  // index range instead of a join over tens of thousands of articles.
  `
  ALTER TABLE mentions ADD COLUMN article_date TEXT;
  UPDATE mentions SET article_date = (SELECT date FROM articles WHERE articles.id = mentions.article_id);
  CREATE INDEX mentions_recent ON mentions(entity, article_date DESC, article_id);
  `,
  // 5: saved views (canvases shared by a short id). seq orders them newest first; the partial
  // index lists the named ones without reading the link-shortening ones.
  `
  CREATE TABLE saved_views (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    state TEXT NOT NULL,
    owner_hash TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );
  CREATE INDEX saved_views_named ON saved_views(seq) WHERE name IS NOT NULL;
  `,
  // 6: facts an analyst rejected. A rejected fact is moved out of relations/evidence, so every
  // read leaves it out with no filter to forget; what it said is held here for a restore, and
  // a re-load of its article checks here before writing it again.
  `
  CREATE TABLE rejections (
    id TEXT PRIMARY KEY,
    relation_id TEXT NOT NULL,
    type TEXT NOT NULL,
    from_id TEXT NOT NULL,
    to_id TEXT NOT NULL,
    -- NULL for the whole relation, else the piece of evidence rejected.
    article_id TEXT,
    start INTEGER,
    end INTEGER,
    text TEXT,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT
  ) WITHOUT ROWID;
  CREATE INDEX rejections_relation ON rejections(relation_id);

  CREATE TABLE held_relations (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    from_id TEXT NOT NULL,
    to_id TEXT NOT NULL,
    amount_cny REAL,
    role TEXT
  ) WITHOUT ROWID;

  CREATE TABLE held_evidence (
    relation_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (relation_id, article_id, start, end)
  ) WITHOUT ROWID;
  CREATE INDEX held_evidence_article ON held_evidence(article_id);
  `,
  // 7: the audit log, written in the transaction of the change it records.
  `
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT,
    target TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX audit_log_actor ON audit_log(actor, id);
  CREATE INDEX audit_log_kind ON audit_log(kind, id);
  `,
  // 8: each piece of evidence keeps the rule that found it and that rule's confidence (NULL:
  // unknown, as for everything loaded before); an analyst's acceptance takes a fact out of the
  // review queue. Kept by relation id, like rejections, so it outlives a reject and restore.
  `
  ALTER TABLE evidence ADD COLUMN rule TEXT;
  ALTER TABLE evidence ADD COLUMN confidence REAL;
  ALTER TABLE held_evidence ADD COLUMN rule TEXT;
  ALTER TABLE held_evidence ADD COLUMN confidence REAL;
  CREATE TABLE acceptances (
    relation_id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT
  ) WITHOUT ROWID;
  `,
];

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `the graph file is at schema version ${current}, newer than this ChainAtlas (${MIGRATIONS.length}); upgrade ChainAtlas`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    // Another process may be migrating the same file: take the write lock, then look again.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) !== v) return;
      const step = MIGRATIONS[v];
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return MIGRATIONS.length;
}
