import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { articleId, auditId, canonicalName, entityId, orientRelation, rejectionId, relationId } from '../ids';
import type {
  Acceptance,
  MergePreview,
  Article,
  ArticleExtraction,
  ArticleSummary,
  AuditEntry,
  AuditKind,
  Chain,
  ClusterProfile,
  DistrictProfile,
  Entity,
  EntityDetails,
  EntityType,
  Evidence,
  ExtractedRelation,
  GraphPath,
  GraphStats,
  MemberRole,
  Rejection,
  Relation,
  RelationType,
  SearchHit,
  Subgraph,
  UpsertReport,
  SavedView,
  StoredView,
  DistrictSummary,
  EntityFact,
  EntitySummary,
  NeighbourPage,
} from '../model';
import { afterCursor, hasFilter, neighbourCursor, parseNeighbourCursor, passes, summarise, type RelationFilter } from '../summary';
import { CHAIN_ROOT_TYPES, ENTITY_TYPES, RELATION_TYPES, isEntityType, isRelationType } from '../model';
import { chainFromWalk, chainOptions, walkChain, type ChainSource, type ChainStep } from '../chain';
import {
  computeClusterProfile,
  computeDistrictProfile,
  PROFILE_ARTICLES,
  type ClusterFacts,
  type DistrictFacts,
  type LocatedFact,
} from '../profile';
import { hasHan, queryMatcher, searchForm, searchQuery, searchTokens, storedPinyin, type StoredPinyin } from '../search-keys';
import type {
  ActorOptions,
  AliasQuery,
  ArticleOutcome,
  AuditPageOptions,
  ChainOptions,
  Curation,
  EntityDetailOptions,
  GraphStore,
  NeighbourPageOptions,
  NeighbourhoodOptions,
  PathOptions,
  RejectOptions,
  RejectionPageOptions,
  RelationPageOptions,
  RestoreOptions,
  SearchOptions,
} from '../store';
import { GraphStoreError, evidenceKey, ingestSummary } from '../store';
import { kShortestPaths, pathAdjacency, pathQuery, type Adjacency, type Step } from '../paths';
import { aliasesAfterUndo, mergeToUndo, movedRelationId, previewMerge, type MergeUndo, type MergedRelation } from '../merge';
import { migrate } from './schema';
import { STORE_BOUNDS, bounded, emptyImportReport, emptyUpsertReport, rankHits, rankScore, validateArticleText, validateExtraction } from '../core';
import { combineConfidence, encodeReviewCursor, reviewKey, reviewOptions, withConfidence, type ReviewPage, type ReviewQueueOptions } from '../review';
import { checkSaveView, newViewId, viewPageSize, type SaveViewInput, type ViewPageOptions } from '../saved-views';
import { AdjacencyIndex } from './adjacency';
import { EvidenceDates } from './evidence-dates';
import type { GraphRecord, ImportReport } from '../backup';

interface EntityRow {
  n: number;
  id: string;
  type: EntityType;
  name: string;
  aliases: string;
  degree: number;
  /** StoredPinyin[] as JSON. */
  pinyin: string;
}

interface RelationRow {
  n: number;
  id: string;
  type: RelationType;
  src: number;
  dst: number;
  amount_cny: number | null;
  role: MemberRole | null;
}

interface EvidenceRow {
  relation: number;
  article_id: string;
  start: number;
  end: number;
  text: string;
  rule: string | null;
  confidence: number | null;
}

const MAX_IN = 500; // SQLite binds at most 32766 parameters; chunks keep statements cacheable

/** Steps along the relations a date range keeps. */
function keptWithin(within: (relation: number) => boolean): (steps: Step[]) => Step[] {
  return (steps) => steps.filter((s) => within(s.edge));
}

function chunks<T>(items: T[], size = MAX_IN): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(',');
}

function toEntity(row: EntityRow): Entity {
  return { id: row.id, type: row.type, name: row.name, aliases: JSON.parse(row.aliases) as string[] };
}

/**
 * The embedded graph: one SQLite file (WAL), integer-keyed adjacency with an index per
 * direction, an FTS5 index of pre-tokenised names for search.
 */
interface ViewRow {
  id: string;
  name: string | null;
  state: string;
  owner_hash: string;
  saved_at: string;
}

const toView = (r: ViewRow): SavedView => ({ id: r.id, name: r.name, state: r.state, savedAt: r.saved_at });

export class SqliteGraphStore implements GraphStore {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  /** Who is next to whom, in memory; SQLite remains the truth (see adjacency.ts). */
  private readonly index: AdjacencyIndex;
  private readonly dates: EvidenceDates;
  /** Relations written by the transaction under way, for the index once it commits. */
  private pendingRelations: { n: number; type: RelationType; src: number; dst: number }[] = [];
  private pendingEntities: { n: number; type: EntityType }[] = [];

  private constructor(readonly db: Database.Database) {
    this.index = new AdjacencyIndex(db);
    this.dates = new EvidenceDates(db);
  }

  static open(path: string, options: { readonly?: boolean } = {}): SqliteGraphStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { readonly: options.readonly ?? false, timeout: 10_000 });
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // Checkpoint the WAL every ~40 MB instead of every 4 MB: bulk loads spend far less time syncing.
      db.pragma('wal_autocheckpoint = 10000');
      migrate(db);
    }
    // The review queue combines each relation's confidences in SQL with the very function that
    // combines them for a relation read, so a page's cursor and the next page agree to the digit.
    db.aggregate('noisy_or', {
      start: (): (number | null)[] => [],
      step: (acc: (number | null)[], c: number | null) => {
        acc.push(c);
      },
      result: (acc: (number | null)[]) => combineConfidence(acc),
    });
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    return new SqliteGraphStore(db);
  }

  private st(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private assertOpen(): void {
    if (this.closed) throw new GraphStoreError('STORE_FAILURE', 'the graph store is closed');
  }

  // ---- articles ------------------------------------------------------------------------

  async upsertArticle(extraction: ArticleExtraction, audit?: ActorOptions): Promise<UpsertReport> {
    this.assertOpen();
    return this.afterCommit(() =>
      this.db
        .transaction(() => {
          const report = this.upsertInTransaction(extraction);
          if (audit) this.audit('ingest', report.articleId, null, ingestSummary(extraction, report), audit);
          return report;
        })
        .immediate(),
    );
  }

  /** Records a change in the audit log, inside the change's own transaction. */
  private audit(kind: AuditKind, target: string, before: unknown, after: unknown, who: ActorOptions = {}): void {
    const info = this.st('INSERT INTO audit_log (id, kind, at, actor, target, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      `pending:${kind}:${target}`, kind, new Date().toISOString(), who.actor ?? null, target, JSON.stringify(before ?? null), JSON.stringify(after ?? null),
    );
    // Time-ordered like the Neo4j store's ids, so an imported log and new entries interleave by time.
    const seq = Number(info.lastInsertRowid);
    this.st('UPDATE audit_log SET id = ? WHERE seq = ?').run(auditId(Date.now() * 1000 + (seq % 1000), String(seq)), seq);
  }

  async auditLog(options: AuditPageOptions = {}): Promise<AuditEntry[]> {
    this.assertOpen();
    const first = bounded(options.first, STORE_BOUNDS.auditPage);
    const rows = this.st(
      `SELECT * FROM audit_log WHERE id < ? AND (? IS NULL OR actor = ?) AND (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?`,
    ).all(options.after ?? '\uffff', options.actor ?? null, options.actor ?? null, options.kind ?? null, options.kind ?? null, first) as AuditRow[];
    return rows.map(toAuditEntry);
  }

  /** Runs a write; once it has committed, the in-memory index learns what it added. */
  private afterCommit<T>(write: () => T): T {
    this.pendingRelations = [];
    this.pendingEntities = [];
    try {
      const result = write();
      for (const e of this.pendingEntities) this.index.addEntity(e.n, e.type);
      for (const r of this.pendingRelations) this.index.add(r.n, r.type, r.src, r.dst);
      this.dates.invalidate();
      return result;
    } catch (err) {
      this.index.invalidate();
      this.dates.invalidate();
      throw err;
    } finally {
      this.pendingRelations = [];
      this.pendingEntities = [];
    }
  }

  async upsertArticles(extractions: ArticleExtraction[]): Promise<ArticleOutcome[]> {
    this.assertOpen();
    // One commit for the batch, a savepoint per article: an article that fails rolls back
    // alone, and the batch as a whole is durable or (after a crash) absent. IMMEDIATE takes
    // the write lock up front, so a second loader on the same file waits instead of failing.
    return this.afterCommit(() =>
      this.db.transaction(() =>
        extractions.map((extraction): ArticleOutcome => {
          const [relations, entities] = [this.pendingRelations.length, this.pendingEntities.length];
          try {
            return { ok: true, report: this.db.transaction(() => this.upsertInTransaction(extraction))() };
          } catch (err) {
            // Rolled back to its savepoint: what it wrote is not in the graph, nor in the index.
            this.pendingRelations.length = relations;
            this.pendingEntities.length = entities;
            return { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
          }
        }),
      ).immediate(),
    );
  }

  private upsertInTransaction(extraction: ArticleExtraction): UpsertReport {
    const { article } = extraction;
    validateArticleText(article?.text);
    const aid = article.id ?? articleId(article.text);
    const report = emptyUpsertReport(aid);
    const existing = this.st('SELECT 1 FROM articles WHERE id = ?').get(aid);
    if (existing) {
      // Same text, same article: report where its facts live and change nothing.
      const keys = new Map<string, string>();
      for (const e of extraction.entities) {
        const id = this.resolveEntity(e.type, e.name, e.aliases);
        if (id) {
          keys.set(e.key, id);
          report.entitiesExisting.push(id);
        }
      }
      for (const r of extraction.relations) {
        const from = keys.get(r.from);
        const to = keys.get(r.to);
        if (from && to && from !== to) report.relationsExisting.push(relationId(r.type, from, to));
      }
      report.entitiesExisting = [...new Set(report.entitiesExisting)];
      report.relationsExisting = [...new Set(report.relationsExisting)];
      return report;
    }
    report.created = true;
    validateExtraction(extraction);
    this.st(
      `INSERT INTO articles (id, title, date, source, url, file, text, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      aid,
      article.title ?? null,
      article.date ?? null,
      article.source ?? null,
      article.url ?? null,
      article.file ?? null,
      article.text,
      new Date().toISOString(),
    );

    const byKey = new Map<string, EntityRow>();
    for (const e of extraction.entities) {
      const resolved = this.resolveEntityRow(e.type, e.name, e.aliases);
      let row: EntityRow;
      if (resolved) {
        row = resolved;
        if (!report.entitiesExisting.includes(row.id) && !report.entitiesAdded.includes(row.id)) {
          report.entitiesExisting.push(row.id);
        }
        this.addNames(row, [e.name, ...e.aliases]);
      } else {
        row = this.createEntity(e.type, e.name, e.aliases);
        report.entitiesAdded.push(row.id);
      }
      byKey.set(e.key, row);
      this.st('INSERT OR IGNORE INTO mentions (entity, article_id, article_date) VALUES (?, ?, ?)').run(row.n, aid, article.date ?? null);
    }

    // Degrees change once per entity, not once per relation: a hub gains many in one article.
    const degreeDelta = new Map<number, number>();
    for (const r of extraction.relations) {
      const a = byKey.get(r.from)!;
      const b = byKey.get(r.to)!;
      if (a.n === b.n) continue; // two mentions resolved onto one entity: no self-relation
      const [fromRow, toRow] = orientRelation(r.type, a.id, b.id)[0] === a.id ? [a, b] : [b, a];
      const rid = relationId(r.type, fromRow.id, toRow.id);
      if (this.holdIfRejected(rid, r.type, fromRow.id, toRow.id, r, aid)) continue;
      let rel = this.st('SELECT * FROM relations WHERE id = ?').get(rid) as RelationRow | undefined;
      if (!rel) {
        const info = this.st(
          'INSERT INTO relations (id, type, src, dst, amount_cny, role) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(rid, r.type, fromRow.n, toRow.n, r.amountCny ?? null, r.role ?? null);
        degreeDelta.set(fromRow.n, (degreeDelta.get(fromRow.n) ?? 0) + 1);
        degreeDelta.set(toRow.n, (degreeDelta.get(toRow.n) ?? 0) + 1);
        rel = { n: Number(info.lastInsertRowid) } as RelationRow;
        this.pendingRelations.push({ n: rel.n, type: r.type, src: fromRow.n, dst: toRow.n });
        if (!report.relationsAdded.includes(rid)) report.relationsAdded.push(rid);
      } else {
        // A later article can add what an earlier one left open, and 龙头 outranks member.
        if (rel.amount_cny == null && r.amountCny != null) {
          this.st('UPDATE relations SET amount_cny = ? WHERE n = ?').run(r.amountCny, rel.n);
        }
        if (r.role === 'leader' && rel.role !== 'leader') {
          this.st('UPDATE relations SET role = ? WHERE n = ?').run('leader', rel.n);
        } else if (rel.role == null && r.role) {
          this.st('UPDATE relations SET role = ? WHERE n = ?').run(r.role, rel.n);
        }
        if (!report.relationsExisting.includes(rid) && !report.relationsAdded.includes(rid)) {
          report.relationsExisting.push(rid);
        }
      }
      const ev = this.st(
        'INSERT OR IGNORE INTO evidence (relation, article_id, start, end, text, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(rel.n, aid, r.evidence.start, r.evidence.end, r.evidence.text, r.rule ?? null, r.confidence ?? null);
      report.evidenceAdded += ev.changes;
    }
    for (const [n, delta] of degreeDelta) this.st('UPDATE entities SET degree = degree + ? WHERE n = ?').run(delta, n);
    return report;
  }

  /** An existing entity for these names: through a merge, by id, then by a unique alias of the same type. */
  private resolveEntity(type: EntityType, name: string, aliases: string[]): string | null {
    return this.resolveEntityRow(type, name, aliases)?.id ?? null;
  }

  private resolveEntityRow(type: EntityType, name: string, aliases: string[]): EntityRow | undefined {
    const own = entityId(type, name);
    // The common case, one lookup: the entity exists under its own id.
    const direct = this.entityRow(own) ?? this.entityRow(this.followRedirects(own));
    if (direct) return direct;
    for (const candidate of [name, ...aliases]) {
      const rows = this.st(
        'SELECT DISTINCT e.* FROM entity_names k JOIN entities e ON e.n = k.entity WHERE k.type = ? AND k.name_key = ?',
      ).all(type, canonicalName(candidate)) as EntityRow[];
      if (rows.length === 1) return rows[0];
    }
    for (const alias of aliases) {
      const id = entityId(type, alias);
      const via = this.followRedirects(id);
      if (via !== id) {
        const row = this.entityRow(via);
        if (row) return row;
      }
    }
    return undefined;
  }

  private followRedirects(id: string): string {
    if (!this.st('SELECT 1 FROM redirects LIMIT 1').get()) return id;
    let current = id;
    for (let hops = 0; hops < 32; hops++) {
      const next = this.st('SELECT to_id FROM redirects WHERE from_id = ?').get(current) as { to_id: string } | undefined;
      if (!next) return current;
      current = next.to_id;
    }
    return current;
  }

  private entityRow(id: string): EntityRow | undefined {
    return this.st('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
  }

  private createEntity(type: EntityType, name: string, aliases: string[]): EntityRow {
    const id = entityId(type, name);
    const clean = uniqueAliases(name, aliases);
    const info = this.st('INSERT INTO entities (id, type, name, aliases) VALUES (?, ?, ?, ?)').run(
      id,
      type,
      name,
      JSON.stringify(clean),
    );
    const row: EntityRow = { n: Number(info.lastInsertRowid), id, type, name, aliases: JSON.stringify(clean), degree: 0, pinyin: '[]' };
    this.pendingEntities.push({ n: row.n, type });
    for (const k of new Set([name, ...clean].map(canonicalName))) {
      this.st('INSERT OR IGNORE INTO entity_names (type, name_key, entity) VALUES (?, ?, ?)').run(type, k, row.n);
    }
    this.reindex(row.n, name, clean);
    return row;
  }

  /** Adds names the entity did not have yet as aliases; returns whether anything changed. */
  private addNames(row: EntityRow, names: string[]): boolean {
    const current = JSON.parse(row.aliases) as string[];
    const merged = uniqueAliases(row.name, [...current, ...names]);
    if (merged.length === current.length) return false;
    row.aliases = JSON.stringify(merged);
    this.st('UPDATE entities SET aliases = ? WHERE n = ?').run(row.aliases, row.n);
    for (const k of new Set(merged.map(canonicalName))) {
      this.st('INSERT OR IGNORE INTO entity_names (type, name_key, entity) VALUES (?, ?, ?)').run(row.type, k, row.n);
    }
    this.reindex(row.n, row.name, merged);
    return true;
  }

  private reindex(n: number, name: string, aliases: string[]): void {
    this.st('UPDATE entities SET pinyin = ? WHERE n = ?').run(JSON.stringify(storedPinyin([name, ...aliases])), n);
    const tokens = new Set<string>();
    for (const s of [name, ...aliases]) for (const t of searchTokens(s)) tokens.add(t);
    this.st('DELETE FROM search_index WHERE rowid = ?').run(n);
    this.st('INSERT INTO search_index (rowid, tokens) VALUES (?, ?)').run(n, [...tokens].join(' '));
  }

  private deleteEntity(n: number): void {
    this.st('DELETE FROM search_index WHERE rowid = ?').run(n);
    this.st('DELETE FROM entity_names WHERE entity = ?').run(n);
    this.st('DELETE FROM mentions WHERE entity = ?').run(n);
    this.st('DELETE FROM entities WHERE n = ?').run(n);
  }

  async deleteArticle(id: string, audit: ActorOptions = {}): Promise<boolean> {
    this.assertOpen();
    // Deletes and merges are rare: the index is simply rebuilt on the next walk.
    this.index.invalidate();
    this.dates.invalidate();
    return this.db.transaction(() => {
      const gone = this.st('SELECT id, title, date, source, url FROM articles WHERE id = ?').get(id);
      if (!gone) return false;
      this.audit('delete-article', id, gone, null, audit);
      const touched = this.st('SELECT DISTINCT relation FROM evidence WHERE article_id = ?').pluck().all(id) as number[];
      const mentioned = this.st('SELECT entity FROM mentions WHERE article_id = ?').pluck().all(id) as number[];
      this.st('DELETE FROM evidence WHERE article_id = ?').run(id);
      this.st('DELETE FROM held_evidence WHERE article_id = ?').run(id);
      this.st('DELETE FROM mentions WHERE article_id = ?').run(id);
      const affected = new Set<number>(mentioned);
      for (const rel of touched) {
        if (this.st('SELECT 1 FROM evidence WHERE relation = ? LIMIT 1').get(rel)) continue;
        const r = this.st('SELECT src, dst FROM relations WHERE n = ?').get(rel) as { src: number; dst: number };
        this.st('DELETE FROM relations WHERE n = ?').run(rel);
        this.st('UPDATE entities SET degree = degree - 1 WHERE n IN (?, ?)').run(r.src, r.dst);
        affected.add(r.src);
        affected.add(r.dst);
      }
      // An entity no article mentions and nothing relates to has no reason to be in the graph.
      for (const n of affected) {
        const left = this.st(
          'SELECT degree = 0 AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity = ?) AS orphan FROM entities WHERE n = ?',
        ).get(n, n) as { orphan: number } | undefined;
        if (left?.orphan) this.deleteEntity(n);
      }
      this.st('DELETE FROM articles WHERE id = ?').run(id);
      return true;
    }).immediate();
  }

  async getArticle(id: string): Promise<Article | null> {
    this.assertOpen();
    return (this.getArticlesSync([id])[0] as Article | undefined) ?? null;
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    this.assertOpen();
    return this.getArticlesSync(ids);
  }

  private getArticlesSync(ids: string[]): Article[] {
    const out: Article[] = [];
    for (const part of chunks([...new Set(ids)])) {
      const rows = this.db
        .prepare(`SELECT * FROM articles WHERE id IN (${placeholders(part.length)})`)
        .all(...part) as ArticleRowFull[];
      for (const r of rows) out.push(articleFromRow(r));
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  async listArticles(options: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: ArticleSummary[] }> {
    this.assertOpen();
    const limit = bounded(options.limit, STORE_BOUNDS.articlePage);
    const offset = Math.max(0, options.offset ?? 0);
    const total = (this.st('SELECT count(*) AS c FROM articles').get() as { c: number }).c;
    const rows = this.st(
      `SELECT id, title, date, source, url, file, loaded_at, length(text) AS length FROM articles
       ORDER BY date DESC, loaded_at DESC, id LIMIT ? OFFSET ?`,
    ).all(limit, offset) as (Omit<ArticleRowFull, 'text'> & { length: number })[];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        date: r.date,
        source: r.source,
        url: r.url,
        file: r.file,
        loadedAt: r.loaded_at,
        length: r.length,
      })),
    };
  }

  // ---- entities ------------------------------------------------------------------------

  async search(text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    this.assertOpen();
    const limit = bounded(options.limit, STORE_BOUNDS.search);
    const types = options.types?.length ? new Set(options.types) : null;
    const fts = searchQuery(text);
    if (!fts) return [];
    // Candidates in index order, capped: a one-character query can match most of a big
    // graph, and scoring all of it would cost more than the answer is worth.
    const typed = [...searchForm(text)].length;
    // Pinyin forms cost the most to score, and a Latin prefix matches the most names.
    const cap = !hasHan(text) ? 500 : typed <= 1 ? 400 : typed === 2 ? 800 : 1200;
    const candidates = this.st(
      `SELECT e.* FROM search_index s JOIN entities e ON e.n = s.rowid WHERE search_index MATCH ? LIMIT ?`,
    ).all(fts, cap) as EntityRow[];
    const exact = this.st(
      'SELECT e.* FROM entity_names k JOIN entities e ON e.n = k.entity WHERE k.name_key = ? LIMIT 50',
    ).all(canonicalName(text)) as EntityRow[];
    const seen = new Set<number>();
    const hits: SearchHit[] = [];
    const latin = !hasHan(text);
    const match = queryMatcher(text);
    for (const row of [...exact, ...candidates]) {
      if (seen.has(row.n)) continue;
      seen.add(row.n);
      if (types && !types.has(row.type)) continue;
      let best = { score: match.term(row.name, 'name'), matched: row.name };
      const aliases = row.aliases === '[]' ? [] : (JSON.parse(row.aliases) as string[]);
      for (const a of aliases) {
        const s = match.term(a, 'alias');
        if (s > best.score) best = { score: s, matched: a };
      }
      if (latin) {
        for (const p of JSON.parse(row.pinyin) as StoredPinyin[]) {
          const s = match.pinyin(p.s.split(' '), p.i.split(' '));
          if (s > best.score) best = { score: s, matched: p.t };
        }
      }
      if (best.score <= 0) continue;
      // Among equals, the better connected entity is the likelier one.
      hits.push({ entity: { id: row.id, type: row.type, name: row.name, aliases }, score: rankScore(best.score, row.degree), matched: best.matched });
    }
    return rankHits(hits, limit);
  }

  async getEntity(id: string, options: EntityDetailOptions = {}): Promise<EntityDetails | null> {
    this.assertOpen();
    const row = this.entityRow(id) ?? this.entityRow(this.followRedirects(id));
    if (!row) return null;
    const relationLimit = bounded(options.relationLimit, STORE_BOUNDS.detailRelations);
    const articleLimit = bounded(options.articleLimit, STORE_BOUNDS.detailArticles);
    // The oldest relations first, from the in-memory index: no scan of a hub's relations.
    const walk = this.adjacency();
    const edgeNs = [...new Set(walk(row.n).map((step) => step.edge))].sort((a, b) => a - b).slice(0, relationLimit);
    const rels = this.relationsByN(edgeNs).sort((a, b) => a.n - b.n);
    const articleIds = this.st(`SELECT article_id FROM mentions WHERE entity = ? ORDER BY article_date DESC, article_id LIMIT ?`)
      .pluck()
      .all(row.n, articleLimit) as string[];
    const articleCount = (this.st('SELECT count(*) AS c FROM mentions WHERE entity = ?').get(row.n) as { c: number }).c;
    return { ...toEntity(row), relations: this.hydrateRelations(rels), articleIds, articleCount, degree: row.degree };
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    this.assertOpen();
    return this.entitiesByIds(ids).map(toEntity);
  }

  private entitiesByIds(ids: string[]): EntityRow[] {
    const out: EntityRow[] = [];
    for (const part of chunks([...new Set(ids)])) {
      out.push(...(this.db.prepare(`SELECT * FROM entities WHERE id IN (${placeholders(part.length)})`).all(...part) as EntityRow[]));
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  private entitiesByN(ns: number[]): Map<number, EntityRow> {
    const out = new Map<number, EntityRow>();
    for (const part of chunks([...new Set(ns)])) {
      const rows = this.db.prepare(`SELECT * FROM entities WHERE n IN (${placeholders(part.length)})`).all(...part) as EntityRow[];
      for (const r of rows) out.set(r.n, r);
    }
    return out;
  }

  async relationsOf(id: string, options: RelationPageOptions = {}): Promise<{ total: number; items: Relation[] }> {
    this.assertOpen();
    const row = this.entityRow(id) ?? this.entityRow(this.followRedirects(id));
    if (!row) return { total: 0, items: [] };
    const first = bounded(options.first, STORE_BOUNDS.relationPage);
    if (options.entityTypes?.length || options.dateFrom || options.dateTo) {
      // The other end's type and the article dates are not in the relations table: the facts are.
      const filter: RelationFilter = { ...options, relationTypes: options.types };
      const kept = this.panelFactsOf(row.n)
        .filter((f) => passes(f, filter))
        .sort((a, b) => (a.relationId < b.relationId ? -1 : a.relationId > b.relationId ? 1 : 0));
      const after = options.after ?? '';
      const page = kept.filter((f) => f.relationId > after).slice(0, first);
      const rows = this.relationsByN(page.map((f) => f.n));
      const order = new Map(page.map((f, i) => [f.n, i]));
      return { total: kept.length, items: this.hydrateRelations(rows.sort((a, b) => order.get(a.n)! - order.get(b.n)!)) };
    }
    const types = options.types?.length ? options.types : null;
    const typeSql = types ? ` AND type IN (${placeholders(types.length)})` : '';
    const t = types ?? [];
    const touching = `SELECT * FROM relations WHERE src = ?${typeSql} UNION ALL SELECT * FROM relations WHERE dst = ? AND src <> dst${typeSql}`;
    const total = (this.st(`SELECT count(*) AS c FROM (${touching})`).get(row.n, ...t, row.n, ...t) as { c: number }).c;
    const page = this.st(`SELECT * FROM (${touching}) WHERE id > ? ORDER BY id LIMIT ?`).all(row.n, ...t, row.n, ...t, options.after ?? '', first) as RelationRow[];
    return { total, items: this.hydrateRelations(page) };
  }

  /**
   * Every relation of an entity with what the details panel's figures and filters need: one
   * query over its relations, their evidence and the articles' dates (a 500-relation hub is a
   * few milliseconds; nothing of it is capped).
   */
  private panelFactsOf(n: number): (EntityFact & { n: number })[] {
    // The other end's type from the in-memory index, the articles' dates from the entity's own
    // mentions (every article stating one of its relations names it): joins per row would
    // triple the time on a hub.
    this.index.ensure();
    const rows = this.st(
      `SELECT r.n, r.id, r.type, r.amount_cny, r.src, r.dst, ev.article_id
         FROM relations r LEFT JOIN evidence ev ON ev.relation = r.n WHERE r.src = ?
       UNION ALL
       SELECT r.n, r.id, r.type, r.amount_cny, r.src, r.dst, ev.article_id
         FROM relations r LEFT JOIN evidence ev ON ev.relation = r.n WHERE r.dst = ? AND r.src <> r.dst`,
    )
      .raw()
      .all(n, n) as [number, string, RelationType, number | null, number, number, string | null][];
    const dates = new Map(this.st('SELECT article_id, article_date FROM mentions WHERE entity = ?').raw().all(n) as [string, string | null][]);
    const missing = [...new Set(rows.map((r) => r[6]).filter((a): a is string => a != null && !dates.has(a)))];
    for (const part of chunks(missing)) {
      for (const [a, d] of this.db.prepare(`SELECT id, date FROM articles WHERE id IN (${placeholders(part.length)})`).raw().all(...part) as [string, string | null][]) dates.set(a, d);
    }
    const facts = new Map<number, EntityFact & { n: number }>();
    for (const [rn, id, type, amount, src, dst, articleId] of rows) {
      let f = facts.get(rn);
      if (!f) {
        const other = src === n ? dst : src;
        f = { n: rn, relationId: id, type, out: src === n, otherType: this.index.typeOf(other) ?? this.entityTypeOf(other), amountCny: amount, articles: [] };
        facts.set(rn, f);
      }
      if (articleId) f.articles.push({ id: articleId, date: dates.get(articleId) ?? null });
    }
    return [...facts.values()];
  }

  private entityTypeOf(n: number): EntityType {
    return (this.st('SELECT type FROM entities WHERE n = ?').pluck().get(n) as EntityType | undefined) ?? 'Enterprise';
  }

  async entitySummary(id: string, filter: RelationFilter = {}): Promise<EntitySummary | null> {
    this.assertOpen();
    const row = this.entityRow(id) ?? this.entityRow(this.followRedirects(id));
    if (!row) return null;
    const mentions = (this.st('SELECT count(*) FROM mentions WHERE entity = ?').pluck().get(row.n) as number) ?? 0;
    if (hasFilter(filter)) return summarise(this.panelFactsOf(row.n), filter, mentions);
    // Without a filter nothing needs a relation's evidence: types and directions come from the
    // in-memory index, amounts from the investments' rows alone (a hub's thousand relations
    // read one by one cost tens of milliseconds at a million).
    this.index.ensure();
    const facts: EntityFact[] = [];
    const investments: number[] = [];
    this.index.each(row.n, (edge, other, type, out) => {
      if (other === row.n) return;
      if (type === 'INVESTS_IN') investments.push(edge);
      facts.push({ relationId: '', type, out, otherType: 'Enterprise', amountCny: null, articles: [] });
    });
    const amounts = new Map<number, number | null>();
    for (const part of chunks(investments)) {
      for (const [n, a] of this.st(`SELECT n, amount_cny FROM relations WHERE n IN (${placeholders(part.length)})`).raw().all(...part) as [number, number | null][]) amounts.set(n, a);
    }
    let i = 0;
    this.index.each(row.n, (edge, other, type) => {
      if (other === row.n) return;
      if (type === 'INVESTS_IN') facts[i].amountCny = amounts.get(edge) ?? null;
      i++;
    });
    return summarise(facts, filter, mentions);
  }

  async neighbours(id: string, options: NeighbourPageOptions = {}): Promise<NeighbourPage> {
    this.assertOpen();
    const cursor = parseNeighbourCursor(options.after);
    const first = bounded(options.first, STORE_BOUNDS.neighbourPage);
    const row = this.entityRow(id) ?? this.entityRow(this.followRedirects(id));
    if (!row) return { nodes: [], edges: [], total: 0, next: null };
    this.index.ensure();
    const types = options.relationTypes?.length ? new Set(options.relationTypes) : null;
    const targets = options.entityTypes?.length ? new Set(options.entityTypes) : null;
    // Dates live with the evidence: only a date filter needs the facts.
    const dated = options.dateFrom || options.dateTo ? new Set(this.panelFactsOf(row.n).filter((f) => passes(f, options)).map((f) => f.n)) : null;
    const viaEdges = new Map<number, number[]>();
    for (const step of this.index.steps(row.n, types, targets)) {
      if (step.node === row.n || (dated && !dated.has(step.edge))) continue;
      const list = viaEdges.get(step.node);
      if (list) list.push(step.edge);
      else viaEdges.set(step.node, [step.edge]);
    }
    const ids = this.idsByN([...viaEdges.keys()]);
    const ranked = [...viaEdges.keys()]
      .map((n) => ({ n, id: ids.get(n)!, degree: this.index.degreeOf(n) }))
      .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rest = ranked.filter((x) => afterCursor(x.degree, x.id, cursor));
    const page = rest.slice(0, first);
    const onPage = new Set(page.map((x) => x.n));
    const edgeNs = new Set(page.flatMap((x) => viaEdges.get(x.n)!));
    const others = new Set([...onPage, ...this.entitiesByIds(options.among ?? []).map((r) => r.n)]);
    for (const n of onPage) for (const step of this.index.steps(n, null)) if (step.node !== row.n && others.has(step.node)) edgeNs.add(step.edge);
    const last = page.at(-1);
    const rows = this.entitiesByN(page.map((x) => x.n));
    return {
      nodes: page.map((x) => toEntity(rows.get(x.n)!)),
      edges: this.hydrateRelations(this.relationsByN([...edgeNs]).sort((a, b) => (a.id < b.id ? -1 : 1))),
      total: ranked.length,
      next: rest.length > first && last ? neighbourCursor(last.degree, last.id) : null,
    };
  }

  /** Only the ids: ranking a hub's neighbours needs no more of their rows. */
  private idsByN(ns: number[]): Map<number, string> {
    const out = new Map<number, string>();
    for (const part of chunks(ns)) {
      for (const [n, id] of this.st(`SELECT n, id FROM entities WHERE n IN (${placeholders(part.length)})`).raw().all(...part) as [number, string][]) out.set(n, id);
    }
    return out;
  }

  async districts(): Promise<DistrictSummary[]> {
    this.assertOpen();
    this.index.ensure();
    const rows = this.st(`SELECT * FROM entities WHERE type = 'District'`).all() as EntityRow[];
    return rows
      .map((r) => {
        let located = 0;
        this.index.directed(r.n, 'LOCATED_IN', false, () => located++);
        return { district: toEntity(r), located };
      })
      .sort((a, b) => b.located - a.located || (a.district.id < b.district.id ? -1 : 1));
  }

  async getRelations(ids: string[]): Promise<Relation[]> {
    this.assertOpen();
    const rows: RelationRow[] = [];
    for (const part of chunks([...new Set(ids)])) {
      rows.push(...(this.db.prepare(`SELECT * FROM relations WHERE id IN (${placeholders(part.length)})`).all(...part) as RelationRow[]));
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    return this.hydrateRelations(rows).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  private hydrateRelations(rows: RelationRow[]): Relation[] {
    if (rows.length === 0) return [];
    const ents = this.entitiesByN(rows.flatMap((r) => [r.src, r.dst]));
    const evidence = new Map<number, Evidence[]>();
    for (const part of chunks(rows.map((r) => r.n))) {
      const evs = this.db
        .prepare(`SELECT * FROM evidence WHERE relation IN (${placeholders(part.length)}) ORDER BY article_id, start`)
        .all(...part) as EvidenceRow[];
      for (const e of evs) {
        const list = evidence.get(e.relation) ?? [];
        list.push({ articleId: e.article_id, text: e.text, start: e.start, end: e.end, rule: e.rule, confidence: e.confidence });
        evidence.set(e.relation, list);
      }
    }
    const accepted = this.acceptancesOf(rows.map((r) => r.id));
    return rows.map((r) =>
      withConfidence({
        id: r.id,
        type: r.type,
        from: ents.get(r.src)!.id,
        to: ents.get(r.dst)!.id,
        amountCny: r.amount_cny,
        role: r.role,
        evidence: evidence.get(r.n) ?? [],
        accepted: accepted.get(r.id) ?? null,
      }),
    );
  }

  private acceptancesOf(ids: string[]): Map<string, Acceptance> {
    const out = new Map<string, Acceptance>();
    // Most graphs have few acceptances or none: a neighbourhood read pays nothing for them.
    if (ids.length === 0 || !this.st('SELECT 1 FROM acceptances LIMIT 1').get()) return out;
    for (const part of chunks([...new Set(ids)])) {
      const rows = this.db.prepare(`SELECT * FROM acceptances WHERE relation_id IN (${placeholders(part.length)})`).all(...part) as AcceptanceRow[];
      for (const a of rows) out.set(a.relation_id, toAcceptance(a));
    }
    return out;
  }

  async resolveNames(queries: AliasQuery[]): Promise<(string | null)[]> {
    this.assertOpen();
    return queries.map((q) => {
      const [first, ...rest] = q.names;
      return first ? this.resolveEntity(q.type, first, rest) : null;
    });
  }

  async degrees(ids: string[]): Promise<Map<string, number>> {
    this.assertOpen();
    return new Map(this.entitiesByIds(ids).map((r) => [r.id, r.degree]));
  }

  // ---- exploration ---------------------------------------------------------------------

  /** Steps from nodes through the in-memory index, each node's list read once per traversal. */
  private adjacency(relationTypes?: RelationType[] | null, entityTypes?: EntityType[] | null): Adjacency {
    this.index.ensure();
    const types = relationTypes?.length ? new Set(relationTypes) : null;
    const targets = entityTypes?.length ? new Set(entityTypes) : null;
    const cache = new Map<number, Step[]>();
    return (node: number) => {
      let steps = cache.get(node);
      if (!steps) {
        steps = this.index.steps(node, types, targets);
        cache.set(node, steps);
      }
      return steps;
    };
  }

  async neighbourhood(ids: string[], options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    this.assertOpen();
    const depth = bounded(options.depth, STORE_BOUNDS.neighbourhoodDepth);
    const limit = bounded(options.limit, STORE_BOUNDS.neighbourhoodNodes);
    const relationTypes = options.relationTypes?.length ? options.relationTypes : null;
    const seeds = this.entitiesByIds(ids);
    const walk = this.adjacency(relationTypes, options.entityTypes);
    const nodes = new Set<number>(seeds.map((s) => s.n).slice(0, limit));
    let truncated = seeds.length > limit;
    let frontier = [...nodes];
    outer: for (let level = 0; level < depth && frontier.length; level++) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const step of walk(node)) {
          if (nodes.has(step.node)) continue;
          if (nodes.size >= limit) {
            truncated = true;
            break outer;
          }
          nodes.add(step.node);
          next.push(step.node);
        }
      }
      frontier = next;
    }
    // Every relation among the nodes, not only the ones walked: the picture is of the subgraph.
    const among = this.adjacency(relationTypes);
    const edgeNs = new Set<number>();
    for (const n of nodes) for (const step of among(n)) if (nodes.has(step.node)) edgeNs.add(step.edge);
    const rows = this.entitiesByN([...nodes]);
    return { nodes: [...nodes].map((n) => toEntity(rows.get(n)!)), edges: this.hydrateRelations(this.relationsByN([...edgeNs])), truncated };
  }

  private relationsByN(ns: number[]): RelationRow[] {
    const out: RelationRow[] = [];
    for (const part of chunks(ns)) {
      out.push(...(this.db.prepare(`SELECT * FROM relations WHERE n IN (${placeholders(part.length)})`).all(...part) as RelationRow[]));
    }
    return out;
  }

  async paths(from: string, to: string, options: PathOptions = {}): Promise<GraphPath[]> {
    this.assertOpen();
    const q = pathQuery(options);
    const [a, b] = [this.entityRow(from), this.entityRow(to)];
    if (!a || !b || a.n === b.n) return [];
    const passable = new Set(q.passable);
    const index = this.index;
    const walk = pathAdjacency(
      this.adjacency(q.relationTypes),
      [a.n, b.n],
      (n) => passable.has(index.typeOf(n)!),
      q.dateFrom || q.dateTo ? keptWithin(this.dates.within(q.dateFrom, q.dateTo)) : undefined,
    );
    const found = kShortestPaths(a.n, b.n, walk, { k: q.k, maxLength: q.maxLength, degreeOf: (n) => index.degreeOf(n) });
    if (found.length === 0) return [];
    const ents = this.entitiesByN(found.flatMap((p) => p.nodes));
    const relRows = this.relationsByN([...new Set(found.flatMap((p) => p.edges))]);
    const rels = new Map(this.hydrateRelations(relRows).map((r, i) => [relRows[i].n, r]));
    return found.map((p) => ({
      nodes: p.nodes.map((n) => toEntity(ents.get(n)!)),
      edges: p.edges.map((e) => rels.get(e)!),
    }));
  }

  // ---- 产业链 views ----------------------------------------------------------------------

  async chain(rootId: string, options: ChainOptions = {}): Promise<Chain | null> {
    this.assertOpen();
    const root = this.entityRow(rootId) ?? this.entityRow(this.followRedirects(rootId));
    if (!root) return null;
    if (!CHAIN_ROOT_TYPES.includes(root.type)) {
      throw new GraphStoreError('BAD_INPUT', `a chain starts from an Enterprise, Platform or Cluster, not a ${root.type}`);
    }
    const o = chainOptions(options);
    const index = this.index;
    index.ensure();
    type Step = ChainStep<number, number>;
    const along = (nodes: number[], type: RelationType, out: boolean, steps: Step[] = []): Step[] => {
      for (const from of nodes) {
        index.directed(from, type, out, (relation, to) =>
          steps.push(out ? { from, to, relation, src: from, dst: to } : { from, to, relation, src: to, dst: from }),
        );
      }
      return steps;
    };
    const source: ChainSource<number, number> = {
      supplies: async (frontier, direction) => along(frontier, 'SUPPLIES', direction === 'downstream'),
      // A project is invested in and a cluster joined from the chain's side; a platform is run
      // by, or runs, an entity of the chain.
      layer: async (nodes, type) => (type === 'OPERATES' ? along(nodes, type, false, along(nodes, type, true)) : along(nodes, type, true)),
      members: async (cluster) => along([cluster], 'MEMBER_OF', false),
      degree: (n) => index.degreeOf(n),
    };
    const walk = await walkChain(root.n, source, { ...o, rootIsCluster: root.type === 'Cluster' });
    const rows = this.entitiesByN(walk.nodes.map((n) => n.key));
    const relRows = this.relationsByN(walk.relations.map((r) => r.relation));
    const relations = new Map(this.hydrateRelations(relRows).map((r, i) => [relRows[i].n, r]));
    const entities = new Map([...rows].map(([n, row]) => [n, toEntity(row)]));
    return chainFromWalk(toEntity(root), o.depth, walk, entities, relations);
  }

  /** Relation numbers of one type into (`out` false) or out of the nodes, with the node at the other end. */
  private edgesOf(nodes: number[], type: RelationType, out: boolean): { edge: number; other: number }[] {
    const found: { edge: number; other: number }[] = [];
    for (const n of nodes) this.index.directed(n, type, out, (edge, other) => found.push({ edge, other }));
    return found;
  }

  /** The date of the earliest article naming each entity (a project counts in its year). */
  private firstMentions(ns: number[]): Map<number, string | null> {
    const out = new Map<number, string | null>();
    for (const part of chunks([...new Set(ns)])) {
      const rows = this.db
        .prepare(`SELECT entity, min(article_date) AS date FROM mentions WHERE entity IN (${placeholders(part.length)}) GROUP BY entity`)
        .all(...part) as { entity: number; date: string | null }[];
      for (const r of rows) out.set(r.entity, r.date);
    }
    return out;
  }

  /**
   * What the dashboards count, read by number: relation rows without their evidence, and the
   * entities at their ends. A busy district has tens of thousands of facts; joins per row
   * would cost seconds.
   */
  private factsOf(edges: { edge: number }[], more: number[] = []) {
    const rels = new Map(this.relationsByN([...new Set(edges.map((e) => e.edge))]).map((r) => [r.n, r]));
    const ents = this.entitiesByN([...[...rels.values()].flatMap((r) => [r.src, r.dst]), ...more]);
    const id = (n: number) => ents.get(n)?.id ?? '';
    return { rels, ents, id };
  }

  private recentArticles(entity: number): ArticleSummary[] {
    const ids = this.st('SELECT article_id FROM mentions WHERE entity = ? ORDER BY article_date DESC, article_id LIMIT ?').pluck().all(entity, PROFILE_ARTICLES) as string[];
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT id, title, date, source, url, file, loaded_at, length(text) AS length FROM articles WHERE id IN (${placeholders(ids.length)})`)
      .all(...ids) as (Omit<ArticleRowFull, 'text'> & { length: number })[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ id: r.id, title: r.title, date: r.date, source: r.source, url: r.url, file: r.file, loadedAt: r.loaded_at, length: r.length }] : [];
    });
  }

  private profileRoot(id: string, type: EntityType): EntityRow | null {
    const row = this.entityRow(id) ?? this.entityRow(this.followRedirects(id));
    if (!row) return null;
    if (row.type !== type) throw new GraphStoreError('BAD_INPUT', `${row.id} is a ${row.type}, not a ${type}`);
    return row;
  }

  async districtProfile(id: string): Promise<DistrictProfile | null> {
    this.assertOpen();
    const district = this.profileRoot(id, 'District');
    if (!district) return null;
    const index = this.index;
    index.ensure();
    const located = this.edgesOf([district.n], 'LOCATED_IN', false);
    const ofType = (type: EntityType) => located.filter((l) => index.typeOf(l.other) === type);
    const [projects, clusters, platforms] = [ofType('Project'), ofType('Cluster'), ofType('Platform')];
    const investments = this.edgesOf(projects.map((p) => p.other), 'INVESTS_IN', false);
    const memberships = this.edgesOf(clusters.map((c) => c.other), 'MEMBER_OF', false);
    const operations = this.edgesOf(platforms.map((p) => p.other), 'OPERATES', false);
    const { rels, ents, id: idOf } = this.factsOf([...projects, ...clusters, ...platforms, ...investments, ...memberships, ...operations]);
    const dates = this.firstMentions(projects.map((p) => p.other));
    const f: DistrictFacts = {
      district: toEntity(district),
      located: [...projects, ...clusters, ...platforms].flatMap((l) => {
        const r = rels.get(l.edge);
        return r ? [{ relationId: r.id, entity: idOf(r.src), type: index.typeOf(r.src)!, district: district.id, date: dates.get(r.src) ?? null }] : [];
      }),
      enterprises: ofType('Enterprise').length,
      investments: investments.flatMap((i) => {
        const r = rels.get(i.edge);
        return r ? [{ relationId: r.id, investor: idOf(r.src), project: idOf(r.dst), amountCny: r.amount_cny, date: dates.get(r.dst) ?? null }] : [];
      }),
      memberships: memberships.flatMap((m) => {
        const r = rels.get(m.edge);
        return r ? [{ relationId: r.id, enterprise: idOf(r.src), cluster: idOf(r.dst), role: r.role }] : [];
      }),
      operations: operations.flatMap((o) => {
        const r = rels.get(o.edge);
        return r ? [{ relationId: r.id, operator: idOf(r.src), platform: idOf(r.dst) }] : [];
      }),
      recentArticles: this.recentArticles(district.n),
    };
    return computeDistrictProfile(f, new Map([...ents.values()].map((r) => [r.id, toEntity(r)])));
  }

  async clusterProfile(id: string): Promise<ClusterProfile | null> {
    this.assertOpen();
    const cluster = this.profileRoot(id, 'Cluster');
    if (!cluster) return null;
    this.index.ensure();
    const memberships = this.edgesOf([cluster.n], 'MEMBER_OF', false);
    const members = [...new Set(memberships.map((m) => m.other))];
    const located = this.edgesOf([cluster.n, ...members], 'LOCATED_IN', true);
    const investments = this.edgesOf(members, 'INVESTS_IN', true);
    const projects = [...new Set(investments.map((i) => i.other))];
    const projectsLocated = this.edgesOf(projects, 'LOCATED_IN', true);
    const { rels, ents, id: idOf } = this.factsOf([...memberships, ...located, ...investments, ...projectsLocated], [cluster.n]);
    const dates = this.firstMentions(projects);
    const locatedFact = (e: { edge: number }): LocatedFact[] => {
      const r = rels.get(e.edge);
      return r ? [{ relationId: r.id, entity: idOf(r.src), type: ents.get(r.src)!.type, district: idOf(r.dst) }] : [];
    };
    const f: ClusterFacts = {
      cluster: toEntity(cluster),
      memberships: memberships.flatMap((m) => {
        const r = rels.get(m.edge);
        return r ? [{ relationId: r.id, enterprise: idOf(r.src), cluster: cluster.id, role: r.role }] : [];
      }),
      located: located.flatMap(locatedFact),
      investments: investments.flatMap((i) => {
        const r = rels.get(i.edge);
        return r ? [{ relationId: r.id, investor: idOf(r.src), project: idOf(r.dst), amountCny: r.amount_cny, date: dates.get(r.dst) ?? null }] : [];
      }),
      projectsLocated: projectsLocated.flatMap(locatedFact),
      recentArticles: this.recentArticles(cluster.n),
    };
    const rows = [...ents.values()];
    return computeClusterProfile(f, new Map(rows.map((r) => [r.id, toEntity(r)])), new Map(rows.map((r) => [r.id, r.degree])));
  }

  // ---- curation ------------------------------------------------------------------------

  async addAlias(id: string, alias: string, audit: ActorOptions = {}): Promise<Entity> {
    this.assertOpen();
    const clean = alias.trim();
    if (!canonicalName(clean)) throw new GraphStoreError('BAD_INPUT', 'an alias cannot be empty');
    return this.db.transaction(() => {
      const row = this.entityRow(id);
      if (!row) throw new GraphStoreError('NOT_FOUND', `no entity ${id}`);
      const before = toEntity(row);
      this.addNames(row, [clean]);
      this.st('INSERT INTO curations (kind, entity_id, value, at) VALUES (?, ?, ?, ?)').run('alias', id, clean, new Date().toISOString());
      const after = toEntity(this.entityRow(id)!);
      this.audit('alias', id, { aliases: before.aliases }, { aliases: after.aliases, added: clean }, audit);
      return after;
    }).immediate();
  }

  async mergeEntities(keepId: string, mergeId: string, audit: ActorOptions = {}): Promise<Entity> {
    this.assertOpen();
    this.index.invalidate();
    this.dates.invalidate();
    return this.db.transaction(() => {
      const keep = this.entityRow(keepId);
      const merge = this.entityRow(mergeId);
      if (!keep) throw new GraphStoreError('NOT_FOUND', `no entity ${keepId}`);
      if (!merge) throw new GraphStoreError('NOT_FOUND', `no entity ${mergeId}`);
      if (keep.n === merge.n) throw new GraphStoreError('BAD_INPUT', 'an entity cannot be merged into itself');
      if (keep.type !== merge.type) {
        throw new GraphStoreError('BAD_INPUT', `cannot merge a ${merge.type} into a ${keep.type}`);
      }
      const rels = this.st('SELECT * FROM relations WHERE src = ? OR dst = ?').all(merge.n, merge.n) as RelationRow[];
      const before = {
        kept: { ...toEntity(keep), degree: keep.degree },
        merged: { ...toEntity(merge), degree: merge.degree },
        relationsMoved: rels.map((r) => r.id),
        undo: this.mergeUndo(keep, merge, rels),
      };
      const affected = new Set<number>([keep.n]);
      for (const r of rels) {
        const src = r.src === merge.n ? keep.n : r.src;
        const dst = r.dst === merge.n ? keep.n : r.dst;
        affected.add(r.src);
        affected.add(r.dst);
        if (src === dst) {
          this.st('DELETE FROM evidence WHERE relation = ?').run(r.n);
          this.st('DELETE FROM relations WHERE n = ?').run(r.n);
          continue;
        }
        const srcId = src === keep.n ? keep.id : this.idOfN(src);
        const dstId = dst === keep.n ? keep.id : this.idOfN(dst);
        const [f, t] = orientRelation(r.type, srcId, dstId);
        const [fn, tn] = f === srcId ? [src, dst] : [dst, src];
        const rid = relationId(r.type, f, t);
        const twin = this.st('SELECT * FROM relations WHERE id = ?').get(rid) as RelationRow | undefined;
        if (twin) {
          this.st(
            'INSERT OR IGNORE INTO evidence (relation, article_id, start, end, text, rule, confidence) SELECT ?, article_id, start, end, text, rule, confidence FROM evidence WHERE relation = ?',
          ).run(twin.n, r.n);
          // The fact an analyst accepted under its old id is the same fact under the new one.
          this.st('INSERT OR IGNORE INTO acceptances (relation_id, at, actor) SELECT ?, at, actor FROM acceptances WHERE relation_id = ?').run(rid, r.id);
          this.st('DELETE FROM acceptances WHERE relation_id = ?').run(r.id);
          if (twin.amount_cny == null && r.amount_cny != null) this.st('UPDATE relations SET amount_cny = ? WHERE n = ?').run(r.amount_cny, twin.n);
          if (r.role === 'leader') this.st("UPDATE relations SET role = 'leader' WHERE n = ?").run(twin.n);
          this.st('DELETE FROM evidence WHERE relation = ?').run(r.n);
          this.st('DELETE FROM relations WHERE n = ?').run(r.n);
        } else {
          this.st('UPDATE relations SET id = ?, src = ?, dst = ? WHERE n = ?').run(rid, fn, tn, r.n);
          this.st('UPDATE OR IGNORE acceptances SET relation_id = ? WHERE relation_id = ?').run(rid, r.id);
        }
      }
      this.st('INSERT OR IGNORE INTO mentions (entity, article_id, article_date) SELECT ?, article_id, article_date FROM mentions WHERE entity = ?').run(keep.n, merge.n);
      this.addNames(keep, [merge.name, ...(JSON.parse(merge.aliases) as string[])]);
      this.deleteEntity(merge.n);
      affected.delete(merge.n);
      this.st('UPDATE redirects SET to_id = ? WHERE to_id = ?').run(keep.id, merge.id);
      this.st('INSERT OR REPLACE INTO redirects (from_id, to_id) VALUES (?, ?)').run(merge.id, keep.id);
      this.st('DELETE FROM redirects WHERE from_id = to_id').run();
      for (const n of affected) {
        this.st('UPDATE entities SET degree = (SELECT count(*) FROM relations WHERE src = ? OR dst = ?) WHERE n = ?').run(n, n, n);
      }
      this.st('INSERT INTO curations (kind, entity_id, value, at) VALUES (?, ?, ?, ?)').run('merge', keep.id, merge.id, new Date().toISOString());
      const kept = this.entityRow(keep.id)!;
      this.audit('merge', keep.id, before, { kept: { ...toEntity(kept), degree: kept.degree }, redirect: { from: merge.id, to: keep.id } }, audit);
      return toEntity(kept);
    }).immediate();
  }

  /** What an undo of this merge needs, read before anything moves. */
  private mergeUndo(keep: EntityRow, merge: EntityRow, rels: RelationRow[]): MergeUndo {
    const mentions = this.st('SELECT article_id FROM mentions WHERE entity = ? ORDER BY article_id').pluck().all(merge.n) as string[];
    const keptMentions = new Set(this.st('SELECT article_id FROM mentions WHERE entity = ?').pluck().all(keep.n) as string[]);
    const relations = this.hydrateRelations(rels).map((r): MergedRelation => {
      const becomes = movedRelationId(r, keep.id, merge.id);
      const twin = becomes == null ? undefined : this.liveRelation(becomes);
      return {
        id: r.id, type: r.type, from: r.from, to: r.to, amountCny: r.amountCny ?? null, role: r.role ?? null,
        evidence: r.evidence.map((e) => ({ articleId: e.articleId, start: e.start, end: e.end, text: e.text })),
        becomes,
        joined: twin
          ? {
              amountCny: twin.amount_cny, role: twin.role,
              evidence: (this.st('SELECT article_id, start, end FROM evidence WHERE relation = ?').all(twin.n) as { article_id: string; start: number; end: number }[])
                .map((e) => ({ articleId: e.article_id, start: e.start, end: e.end })),
            }
          : null,
      };
    });
    return {
      merged: toEntity(merge),
      keptAliases: toEntity(keep).aliases,
      mentions,
      mentionsAdded: mentions.filter((a) => !keptMentions.has(a)),
      redirectsIn: this.st('SELECT from_id FROM redirects WHERE to_id = ? ORDER BY from_id').pluck().all(merge.id) as string[],
      relations,
    };
  }

  async mergePreview(keepId: string, mergeId: string): Promise<MergePreview> {
    this.assertOpen();
    return previewMerge(this, keepId, mergeId);
  }

  async unmergeEntities(keepId: string, mergeId: string, audit: ActorOptions = {}): Promise<Entity> {
    this.assertOpen();
    this.index.invalidate();
    return this.db.transaction(() => {
      const entries = (this.st(`SELECT * FROM audit_log WHERE kind = 'merge' AND target = ? ORDER BY id DESC`).all(keepId) as AuditRow[]).map(toAuditEntry);
      const { entry, undo } = mergeToUndo(entries, keepId, mergeId);
      if (this.entityRow(mergeId)) throw new GraphStoreError('CONFLICT', `${mergeId} is in the graph again: the merge was undone already`);
      const keep = this.entityRow(keepId);
      if (!keep) throw new GraphStoreError('CONFLICT', `${keepId} is gone since the merge (merged or deleted): undo that first`);
      const keptBefore = toEntity(keep);

      // The kept entity gives back the names the merge gave it (names added by hand since stay).
      const keptAliases = aliasesAfterUndo(keptBefore.aliases, undo);
      keep.aliases = JSON.stringify(keptAliases);
      this.st('UPDATE entities SET aliases = ? WHERE n = ?').run(keep.aliases, keep.n);
      this.st('DELETE FROM entity_names WHERE entity = ?').run(keep.n);
      for (const k of new Set([keep.name, ...keptAliases].map(canonicalName))) {
        this.st('INSERT OR IGNORE INTO entity_names (type, name_key, entity) VALUES (?, ?, ?)').run(keep.type, k, keep.n);
      }
      this.reindex(keep.n, keep.name, keptAliases);

      const merged = this.createEntity(undo.merged.type, undo.merged.name, undo.merged.aliases);
      const articleExists = (id: string) => this.st('SELECT 1 FROM articles WHERE id = ?').get(id) != null;
      for (const aid of undo.mentions) {
        this.st('INSERT OR IGNORE INTO mentions (entity, article_id, article_date) SELECT ?, id, date FROM articles WHERE id = ?').run(merged.n, aid);
      }
      for (const aid of undo.mentionsAdded) this.st('DELETE FROM mentions WHERE entity = ? AND article_id = ?').run(keep.n, aid);

      const affected = new Set<number>([keep.n, merged.n]);
      const restored: string[] = [];
      for (const r of undo.relations) {
        let pieces = r.evidence.filter((e) => articleExists(e.articleId));
        if (r.becomes != null) {
          const live = this.liveRelation(r.becomes);
          // Pieces rejected since the merge stay held under the relation they were rejected on.
          const had = new Set((r.joined?.evidence ?? []).map((e) => `${e.articleId}|${e.start}|${e.end}`));
          pieces = live
            ? pieces.filter((e) => !had.has(`${e.articleId}|${e.start}|${e.end}`) &&
                this.st('DELETE FROM evidence WHERE relation = ? AND article_id = ? AND start = ? AND end = ?').run(live.n, e.articleId, e.start, e.end).changes > 0)
            : [];
          if (live) {
            affected.add(live.src);
            affected.add(live.dst);
            if (!this.st('SELECT 1 FROM evidence WHERE relation = ? LIMIT 1').get(live.n)) {
              this.st('DELETE FROM relations WHERE n = ?').run(live.n);
            } else if (r.joined) {
              this.st('UPDATE relations SET amount_cny = ?, role = ? WHERE n = ?').run(r.joined.amountCny, r.joined.role, live.n);
            }
          }
        }
        const [a, b] = [this.entityRow(r.from), this.entityRow(r.to)];
        if (!a || !b || pieces.length === 0 || this.liveRelation(r.id)) continue;
        const info = this.st('INSERT INTO relations (id, type, src, dst, amount_cny, role) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.type, a.n, b.n, r.amountCny, r.role);
        for (const e of pieces) {
          this.st('INSERT OR IGNORE INTO evidence (relation, article_id, start, end, text) VALUES (?, ?, ?, ?, ?)').run(Number(info.lastInsertRowid), e.articleId, e.start, e.end, e.text);
        }
        affected.add(a.n);
        affected.add(b.n);
        restored.push(r.id);
      }
      for (const n of affected) {
        this.st('UPDATE entities SET degree = (SELECT count(*) FROM relations WHERE src = ? OR dst = ?) WHERE n = ?').run(n, n, n);
      }

      this.st('DELETE FROM redirects WHERE from_id = ?').run(mergeId);
      for (const from of undo.redirectsIn) this.st('UPDATE redirects SET to_id = ? WHERE from_id = ? AND to_id = ?').run(mergeId, from, keepId);
      this.st(`DELETE FROM curations WHERE seq = (SELECT max(seq) FROM curations WHERE kind = 'merge' AND entity_id = ? AND value = ?)`).run(keepId, mergeId);

      const kept = this.entityRow(keepId)!;
      const back = this.entityRow(mergeId)!;
      this.audit(
        'unmerge',
        mergeId,
        { kept: { ...keptBefore, degree: keep.degree }, merge: entry.id },
        { kept: { ...toEntity(kept), degree: kept.degree }, restored: { ...toEntity(back), degree: back.degree }, relationsRestored: restored },
        audit,
      );
      return toEntity(back);
    }).immediate();
  }

  // ---- rejected facts ------------------------------------------------------------------

  /**
   * A fact of an article being loaded that an analyst rejected (whole, or this piece of its
   * evidence) is held back with the rejection instead of written: a re-load cannot bring it back,
   * and a restore brings it with everything stated meanwhile.
   */
  private holdIfRejected(rid: string, type: RelationType, fromId: string, toId: string, r: ExtractedRelation, aid: string): boolean {
    if (!this.st('SELECT 1 FROM rejections LIMIT 1').get()) return false;
    const piece = { articleId: aid, start: r.evidence.start, end: r.evidence.end };
    if (!this.st('SELECT 1 FROM rejections WHERE id IN (?, ?)').get(rid, rejectionId(rid, piece))) return false;
    this.st('INSERT OR IGNORE INTO held_relations (id, type, from_id, to_id, amount_cny, role) VALUES (?, ?, ?, ?, ?, ?)').run(
      rid, type, fromId, toId, r.amountCny ?? null, r.role ?? null,
    );
    this.st('INSERT OR IGNORE INTO held_evidence (relation_id, article_id, start, end, text, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      rid, aid, r.evidence.start, r.evidence.end, r.evidence.text, r.rule ?? null, r.confidence ?? null,
    );
    return true;
  }

  /** Takes a live relation out of the graph, its evidence held for a restore. */
  private holdRelation(rel: RelationRow & { from_id: string; to_id: string }): void {
    this.st('INSERT OR REPLACE INTO held_relations (id, type, from_id, to_id, amount_cny, role) VALUES (?, ?, ?, ?, ?, ?)').run(
      rel.id, rel.type, rel.from_id, rel.to_id, rel.amount_cny, rel.role,
    );
    this.st(
      'INSERT OR IGNORE INTO held_evidence (relation_id, article_id, start, end, text, rule, confidence) SELECT ?, article_id, start, end, text, rule, confidence FROM evidence WHERE relation = ?',
    ).run(rel.id, rel.n);
    this.st('DELETE FROM evidence WHERE relation = ?').run(rel.n);
    this.st('DELETE FROM relations WHERE n = ?').run(rel.n);
    this.st('UPDATE entities SET degree = degree - 1 WHERE n IN (?, ?)').run(rel.src, rel.dst);
  }

  private liveRelation(id: string): (RelationRow & { from_id: string; to_id: string }) | undefined {
    return this.st('SELECT r.*, a.id AS from_id, b.id AS to_id FROM relations r JOIN entities a ON a.n = r.src JOIN entities b ON b.n = r.dst WHERE r.id = ?').get(id) as
      | (RelationRow & { from_id: string; to_id: string })
      | undefined;
  }

  async rejectRelation(relId: string, options: RejectOptions): Promise<Rejection> {
    this.assertOpen();
    const reason = typeof options?.reason === 'string' ? options.reason.trim() : '';
    if (!reason) throw new GraphStoreError('BAD_INPUT', 'a rejection needs a reason');
    const piece = evidenceKey(options.evidence);
    const id = rejectionId(relId, piece);
    this.index.invalidate();
    this.dates.invalidate();
    return this.db.transaction(() => {
      const existing = this.st('SELECT * FROM rejections WHERE id = ?').get(id) as RejectionRow | undefined;
      if (existing) return toRejection(existing);
      const rel = this.liveRelation(relId);
      if (!rel) throw new GraphStoreError('NOT_FOUND', `no relation ${relId} in the graph`);
      const liveBefore = this.hydrateRelations([rel])[0];
      let text: string | null = null;
      if (piece) {
        const ev = this.st('SELECT * FROM evidence WHERE relation = ? AND article_id = ? AND start = ? AND end = ?').get(
          rel.n, piece.articleId, piece.start, piece.end,
        ) as EvidenceRow | undefined;
        if (!ev) throw new GraphStoreError('NOT_FOUND', `relation ${relId} has no evidence in ${piece.articleId} at ${piece.start}..${piece.end}`);
        text = ev.text;
        this.st('INSERT OR REPLACE INTO held_relations (id, type, from_id, to_id, amount_cny, role) VALUES (?, ?, ?, ?, ?, ?)').run(
          rel.id, rel.type, rel.from_id, rel.to_id, rel.amount_cny, rel.role,
        );
        this.st('INSERT OR IGNORE INTO held_evidence (relation_id, article_id, start, end, text, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          rel.id, ev.article_id, ev.start, ev.end, ev.text, ev.rule, ev.confidence,
        );
        this.st('DELETE FROM evidence WHERE relation = ? AND article_id = ? AND start = ? AND end = ?').run(rel.n, ev.article_id, ev.start, ev.end);
        // A relation is in the graph because something states it: with no evidence left, it goes.
        if (!this.st('SELECT 1 FROM evidence WHERE relation = ? LIMIT 1').get(rel.n)) this.holdRelation(rel);
      } else {
        this.holdRelation(rel);
      }
      const row: RejectionRow = {
        id, relation_id: rel.id, type: rel.type, from_id: rel.from_id, to_id: rel.to_id,
        article_id: piece?.articleId ?? null, start: piece?.start ?? null, end: piece?.end ?? null, text,
        reason, at: new Date().toISOString(), actor: options.actor ?? null,
      };
      this.st(
        'INSERT INTO rejections (id, relation_id, type, from_id, to_id, article_id, start, end, text, reason, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(row.id, row.relation_id, row.type, row.from_id, row.to_id, row.article_id, row.start, row.end, row.text, row.reason, row.at, row.actor);
      const rejection = toRejection(row);
      this.audit('reject', id, { relation: liveBefore }, { rejection, inGraph: this.liveRelation(relId) != null }, options);
      return rejection;
    }).immediate();
  }

  async restoreRelation(relId: string, options: RestoreOptions = {}): Promise<Relation | null> {
    this.assertOpen();
    const id = rejectionId(relId, evidenceKey(options.evidence));
    this.index.invalidate();
    this.dates.invalidate();
    const n = this.db.transaction((): number | null => {
      const rejected = this.st('SELECT * FROM rejections WHERE id = ?').get(id) as RejectionRow | undefined;
      if (!rejected) throw new GraphStoreError('NOT_FOUND', `no rejection ${id}`);
      this.st('DELETE FROM rejections WHERE id = ?').run(id);
      const n = this.restoreInTransaction(relId);
      this.audit('restore', id, { rejection: toRejection(rejected) }, { relation: n == null ? null : this.hydrateRelations(this.relationsByN([n]))[0] ?? null }, options);
      return n;
    }).immediate();
    return n == null ? null : this.hydrateRelations(this.relationsByN([n]))[0] ?? null;
  }

  private restoreInTransaction(relId: string): number | null {
    // Brings back what is held for the relation (a live relation's n), or null when it stays out.
    if (this.st('SELECT 1 FROM rejections WHERE id = ?').get(relId)) return null; // the whole relation is still rejected
    // Everything held for it that is not rejected on its own: what the earlier rejection took
    // and what articles loaded since stated.
    const back = this.st(
      `SELECT h.* FROM held_evidence h WHERE h.relation_id = ? AND NOT EXISTS
         (SELECT 1 FROM rejections x WHERE x.relation_id = h.relation_id AND x.article_id = h.article_id AND x.start = h.start AND x.end = h.end)`,
    ).all(relId) as (Omit<EvidenceRow, 'relation'> & { relation_id: string })[];
    let rel = this.liveRelation(relId);
    if (back.length === 0) return rel?.n ?? null;
    if (!rel) {
      const held = this.st('SELECT * FROM held_relations WHERE id = ?').get(relId) as
        | { id: string; type: RelationType; from_id: string; to_id: string; amount_cny: number | null; role: MemberRole | null }
        | undefined;
      const [a, b] = held ? [this.entityRow(held.from_id), this.entityRow(held.to_id)] : [undefined, undefined];
      // An end merged away or deleted since: the fact stays held under its old id.
      if (!held || !a || !b) return null;
      this.st('INSERT INTO relations (id, type, src, dst, amount_cny, role) VALUES (?, ?, ?, ?, ?, ?)').run(held.id, held.type, a.n, b.n, held.amount_cny, held.role);
      this.st('UPDATE entities SET degree = degree + 1 WHERE n IN (?, ?)').run(a.n, b.n);
      rel = this.liveRelation(relId)!;
    }
    for (const ev of back) {
      this.st('INSERT OR IGNORE INTO evidence (relation, article_id, start, end, text, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        rel.n, ev.article_id, ev.start, ev.end, ev.text, ev.rule, ev.confidence,
      );
      this.st('DELETE FROM held_evidence WHERE relation_id = ? AND article_id = ? AND start = ? AND end = ?').run(relId, ev.article_id, ev.start, ev.end);
    }
    if (!this.st('SELECT 1 FROM held_evidence WHERE relation_id = ? LIMIT 1').get(relId)) this.st('DELETE FROM held_relations WHERE id = ?').run(relId);
    return rel.n;
  }

  async listRejections(options: RejectionPageOptions = {}): Promise<Rejection[]> {
    this.assertOpen();
    const first = bounded(options.first, STORE_BOUNDS.rejectionPage);
    const rows = this.st('SELECT * FROM rejections WHERE id > ? ORDER BY id LIMIT ?').all(options.after ?? '', first) as RejectionRow[];
    return rows.map(toRejection);
  }

  // ---- review ---------------------------------------------------------------------------

  async acceptRelation(relId: string, audit: ActorOptions = {}): Promise<Relation> {
    this.assertOpen();
    return this.db.transaction(() => {
      const rel = this.liveRelation(relId);
      if (!rel) throw new GraphStoreError('NOT_FOUND', `no relation ${relId} in the graph`);
      if (!this.st('SELECT 1 FROM acceptances WHERE relation_id = ?').get(relId)) {
        this.st('INSERT INTO acceptances (relation_id, at, actor) VALUES (?, ?, ?)').run(relId, new Date().toISOString(), audit.actor ?? null);
        const relation = this.hydrateRelations([rel])[0];
        this.audit('accept', relId, null, { accepted: relation.accepted, confidence: relation.confidence, support: relation.support }, audit);
        return relation;
      }
      return this.hydrateRelations([rel])[0];
    }).immediate();
  }

  async unacceptRelation(relId: string, audit: ActorOptions = {}): Promise<Relation | null> {
    this.assertOpen();
    return this.db.transaction(() => {
      const row = this.st('SELECT * FROM acceptances WHERE relation_id = ?').get(relId) as AcceptanceRow | undefined;
      if (!row) throw new GraphStoreError('NOT_FOUND', `relation ${relId} is not accepted`);
      this.st('DELETE FROM acceptances WHERE relation_id = ?').run(relId);
      this.audit('unaccept', relId, { accepted: toAcceptance(row) }, null, audit);
      const rel = this.liveRelation(relId);
      return rel ? this.hydrateRelations([rel])[0] : null;
    }).immediate();
  }

  async reviewQueue(options: ReviewQueueOptions = {}): Promise<ReviewPage> {
    this.assertOpen();
    const o = reviewOptions(options);
    const typeSql = o.types ? ` AND r.type IN (${placeholders(o.types.length)})` : '';
    const t = o.types ?? [];
    // Every unreviewed relation with its confidence and support, grouped once over the evidence.
    const queue = `SELECT r.n, r.id, noisy_or(v.confidence) AS confidence, count(*) AS pieces
      FROM relations r JOIN evidence v ON v.relation = r.n
      WHERE NOT EXISTS (SELECT 1 FROM acceptances a WHERE a.relation_id = r.id)${typeSql}
      GROUP BY r.n
      HAVING ? IS NULL OR confidence IS NULL OR confidence < ?`;
    const a = o.after;
    // One pass over the evidence gives the page and, counted before the cursor's filter, the total.
    const rows = this.st(
      `SELECT * FROM (SELECT q.*, count(*) OVER () AS total FROM (${queue}) q) q
       WHERE ? IS NULL OR (q.confidence IS NULL, coalesce(q.confidence, 0), q.pieces, q.id) > (?, ?, ?, ?)
       ORDER BY q.confidence IS NULL, q.confidence, q.pieces, q.id LIMIT ?`,
    ).all(...t, o.threshold, o.threshold, a ? 1 : null, a?.unknown ?? 0, a?.confidence ?? 0, a?.evidence ?? 0, a?.id ?? '', o.first) as { n: number; id: string; confidence: number | null; pieces: number; total: number }[];
    // Past the last page no row carries the total: counted on its own then.
    const total = rows.length > 0 ? rows[0].total : (this.st(`SELECT count(*) FROM (${queue})`).pluck().get(...t, o.threshold, o.threshold) as number);
    const relations = new Map(this.hydrateRelations(this.relationsByN(rows.map((r) => r.n))).map((r) => [r.id, r]));
    return {
      total,
      items: rows.map((r) => ({ relation: relations.get(r.id)!, cursor: encodeReviewCursor(reviewKey(r.confidence, r.pieces, r.id)) })),
    };
  }

  private idOfN(n: number): string {
    return this.st('SELECT id FROM entities WHERE n = ?').pluck().get(n) as string;
  }

  async listCurations(): Promise<Curation[]> {
    this.assertOpen();
    const rows = this.st('SELECT kind, entity_id, value, at FROM curations ORDER BY seq').all() as {
      kind: 'alias' | 'merge';
      entity_id: string;
      value: string;
      at: string;
    }[];
    return rows.map((r) => ({ kind: r.kind, entityId: r.entity_id, value: r.value, at: r.at }));
  }

  // ---- saved views ---------------------------------------------------------------------

  async saveView(input: SaveViewInput): Promise<SavedView> {
    this.assertOpen();
    const v = checkSaveView(input);
    const view: SavedView = { id: newViewId(), name: v.name, state: v.state, savedAt: new Date().toISOString() };
    this.st('INSERT INTO saved_views (id, name, state, owner_hash, saved_at) VALUES (?, ?, ?, ?, ?)').run(view.id, view.name, view.state, v.ownerHash, view.savedAt);
    return view;
  }

  async getView(id: string): Promise<StoredView | null> {
    this.assertOpen();
    const row = this.st('SELECT id, name, state, owner_hash, saved_at FROM saved_views WHERE id = ?').get(id) as ViewRow | undefined;
    return row ? { ...toView(row), ownerHash: row.owner_hash } : null;
  }

  async listViews(options: ViewPageOptions = {}): Promise<{ total: number; items: SavedView[] }> {
    this.assertOpen();
    const first = viewPageSize(options.first);
    const total = this.st('SELECT count(*) FROM saved_views WHERE name IS NOT NULL').pluck().get() as number;
    let before = Number.MAX_SAFE_INTEGER;
    if (options.after) {
      const seq = this.st('SELECT seq FROM saved_views WHERE id = ?').pluck().get(options.after) as number | undefined;
      if (seq === undefined) throw new GraphStoreError('BAD_INPUT', `no saved view ${options.after} to page after`);
      before = seq;
    }
    const rows = this.st(
      'SELECT id, name, state, owner_hash, saved_at FROM saved_views WHERE name IS NOT NULL AND seq < ? ORDER BY seq DESC LIMIT ?',
    ).all(before, first) as ViewRow[];
    return { total, items: rows.map(toView) };
  }

  async deleteView(id: string, audit: ActorOptions = {}): Promise<boolean> {
    this.assertOpen();
    return this.db.transaction(() => {
      const row = this.st('SELECT id, name, state, owner_hash, saved_at FROM saved_views WHERE id = ?').get(id) as ViewRow | undefined;
      if (!row) return false;
      this.st('DELETE FROM saved_views WHERE id = ?').run(id);
      this.audit('delete-view', id, { name: row.name, savedAt: row.saved_at, chars: row.state.length }, null, audit);
      return true;
    }).immediate();
  }

  async stats(): Promise<GraphStats> {
    this.assertOpen();
    const count = (sql: string) => (this.st(sql).get() as { c: number }).c;
    const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
    for (const r of this.st('SELECT type, count(*) AS c FROM entities GROUP BY type').all() as { type: EntityType; c: number }[]) {
      entitiesByType[r.type] = r.c;
    }
    const relationsByType = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
    for (const r of this.st('SELECT type, count(*) AS c FROM relations GROUP BY type').all() as { type: RelationType; c: number }[]) {
      relationsByType[r.type] = r.c;
    }
    return {
      articles: count('SELECT count(*) AS c FROM articles'),
      entities: count('SELECT count(*) AS c FROM entities'),
      relations: count('SELECT count(*) AS c FROM relations'),
      evidence: count('SELECT count(*) AS c FROM evidence'),
      entitiesByType,
      relationsByType,
    };
  }

  async *exportRecords(): AsyncGenerator<GraphRecord> {
    this.assertOpen();
    // One read transaction for the whole export, so the records form one consistent graph.
    const read = this.db.prepare('BEGIN');
    read.run();
    try {
      yield { kind: 'header', format: 'chain-atlas-graph', version: 1, exportedAt: new Date().toISOString(), store: 'sqlite', stats: await this.stats() };
      for (const r of this.db.prepare('SELECT * FROM articles ORDER BY loaded_at, id').iterate() as IterableIterator<ArticleRowFull>) {
        yield { kind: 'article', article: articleFromRow(r) };
      }
      for (const r of this.db.prepare('SELECT * FROM entities ORDER BY n').iterate() as IterableIterator<EntityRow>) {
        yield { kind: 'entity', entity: toEntity(r) };
      }
      for (const r of this.db
        .prepare('SELECT e.id AS entity_id, m.article_id FROM mentions m JOIN entities e ON e.n = m.entity ORDER BY e.n, m.article_id')
        .iterate() as IterableIterator<{ entity_id: string; article_id: string }>) {
        yield { kind: 'mention', entityId: r.entity_id, articleId: r.article_id };
      }
      for (const r of this.db
        .prepare('SELECT r.id, r.type, a.id AS from_id, b.id AS to_id, r.amount_cny, r.role FROM relations r JOIN entities a ON a.n = r.src JOIN entities b ON b.n = r.dst ORDER BY r.n')
        .iterate() as IterableIterator<{ id: string; type: RelationType; from_id: string; to_id: string; amount_cny: number | null; role: MemberRole | null }>) {
        yield { kind: 'relation', relation: { id: r.id, type: r.type, from: r.from_id, to: r.to_id, amountCny: r.amount_cny, role: r.role } };
      }
      for (const r of this.db
        .prepare('SELECT r.id AS relation_id, v.* FROM evidence v JOIN relations r ON r.n = v.relation ORDER BY r.n, v.article_id, v.start')
        .iterate() as IterableIterator<EvidenceRow & { relation_id: string }>) {
        yield { kind: 'evidence', relationId: r.relation_id, evidence: { articleId: r.article_id, text: r.text, start: r.start, end: r.end, rule: r.rule, confidence: r.confidence } };
      }
      for (const r of this.db.prepare('SELECT * FROM redirects ORDER BY from_id').iterate() as IterableIterator<{ from_id: string; to_id: string }>) {
        yield { kind: 'redirect', fromId: r.from_id, toId: r.to_id };
      }
      for (const c of await this.listCurations()) yield { kind: 'curation', curation: c };
      for (const r of this.db.prepare('SELECT * FROM held_relations ORDER BY id').iterate() as IterableIterator<{ id: string; type: RelationType; from_id: string; to_id: string; amount_cny: number | null; role: MemberRole | null }>) {
        yield { kind: 'held-relation', relation: { id: r.id, type: r.type, from: r.from_id, to: r.to_id, amountCny: r.amount_cny, role: r.role } };
      }
      for (const r of this.db.prepare('SELECT * FROM held_evidence ORDER BY relation_id, article_id, start, end').iterate() as IterableIterator<Omit<EvidenceRow, 'relation'> & { relation_id: string }>) {
        yield { kind: 'held-evidence', relationId: r.relation_id, evidence: { articleId: r.article_id, text: r.text, start: r.start, end: r.end, rule: r.rule, confidence: r.confidence } };
      }
      for (const r of this.db.prepare('SELECT * FROM rejections ORDER BY id').iterate() as IterableIterator<RejectionRow>) {
        yield { kind: 'rejection', rejection: toRejection(r) };
      }
      for (const r of this.db.prepare('SELECT * FROM acceptances ORDER BY relation_id').iterate() as IterableIterator<AcceptanceRow>) {
        yield { kind: 'acceptance', acceptance: toAcceptance(r) };
      }
      for (const r of this.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
        yield { kind: 'audit', entry: toAuditEntry(r) };
      }
    } finally {
      if (this.db.inTransaction) this.db.prepare('COMMIT').run();
    }
  }

  async importRecords(records: AsyncIterable<GraphRecord>): Promise<ImportReport> {
    this.assertOpen();
    const count = (this.st('SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM entities) AS c').get() as { c: number }).c;
    if (count > 0) throw new GraphStoreError('CONFLICT', 'import needs an empty graph; this one already holds articles or entities');
    const report = emptyImportReport();
    // Records stream from a file: an explicit transaction spans the awaits, and anything
    // wrong rolls the whole import back.
    this.db.prepare('BEGIN IMMEDIATE').run();
    try {
      const entityN = new Map<string, number>();
      const relationN = new Map<string, number>();
      const nOf = (id: string, what: string) => {
        const n = entityN.get(id);
        if (n === undefined) throw new GraphStoreError('BAD_INPUT', `${what} refers to an entity not in the export: ${id}`);
        return n;
      };
      for await (const rec of records) {
        switch (rec.kind) {
          case 'header':
            if (rec.version !== 1) throw new GraphStoreError('BAD_INPUT', `unsupported export version ${String(rec.version)}`);
            break;
          case 'article': {
            const a = rec.article;
            this.st('INSERT INTO articles (id, title, date, source, url, file, text, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
              a.id, a.title ?? null, a.date ?? null, a.source ?? null, a.url ?? null, a.file ?? null, a.text, a.loadedAt ?? new Date().toISOString(),
            );
            report.articles++;
            break;
          }
          case 'entity': {
            const e = rec.entity;
            if (!isEntityType(e.type)) throw new GraphStoreError('BAD_INPUT', `entity ${e.id}: unknown type ${String(e.type)}`);
            const info = this.st('INSERT INTO entities (id, type, name, aliases) VALUES (?, ?, ?, ?)').run(e.id, e.type, e.name, JSON.stringify(e.aliases));
            const n = Number(info.lastInsertRowid);
            entityN.set(e.id, n);
            for (const k of new Set([e.name, ...e.aliases].map(canonicalName))) {
              this.st('INSERT OR IGNORE INTO entity_names (type, name_key, entity) VALUES (?, ?, ?)').run(e.type, k, n);
            }
            this.reindex(n, e.name, e.aliases);
            report.entities++;
            break;
          }
          case 'mention':
            this.st('INSERT INTO mentions (entity, article_id, article_date) SELECT ?, id, date FROM articles WHERE id = ?').run(nOf(rec.entityId, 'a mention'), rec.articleId);
            break;
          case 'relation': {
            const r = rec.relation;
            if (!isRelationType(r.type)) throw new GraphStoreError('BAD_INPUT', `relation ${r.id}: unknown type ${String(r.type)}`);
            const info = this.st('INSERT INTO relations (id, type, src, dst, amount_cny, role) VALUES (?, ?, ?, ?, ?, ?)').run(
              r.id, r.type, nOf(r.from, 'a relation'), nOf(r.to, 'a relation'), r.amountCny ?? null, r.role ?? null,
            );
            relationN.set(r.id, Number(info.lastInsertRowid));
            report.relations++;
            break;
          }
          case 'evidence': {
            const rel = relationN.get(rec.relationId);
            if (rel === undefined) throw new GraphStoreError('BAD_INPUT', `evidence refers to a relation not in the export: ${rec.relationId}`);
            const ev = rec.evidence;
            this.st('INSERT INTO evidence (relation, article_id, start, end, text, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
              rel, ev.articleId, ev.start, ev.end, ev.text, ev.rule ?? null, ev.confidence ?? null,
            );
            report.evidence++;
            break;
          }
          case 'redirect':
            this.st('INSERT INTO redirects (from_id, to_id) VALUES (?, ?)').run(rec.fromId, rec.toId);
            report.redirects++;
            break;
          case 'curation': {
            const c = rec.curation;
            this.st('INSERT INTO curations (kind, entity_id, value, at) VALUES (?, ?, ?, ?)').run(c.kind, c.entityId, c.value, c.at);
            report.curations++;
            break;
          }
          case 'held-relation': {
            const r = rec.relation;
            this.st('INSERT INTO held_relations (id, type, from_id, to_id, amount_cny, role) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.type, r.from, r.to, r.amountCny ?? null, r.role ?? null);
            break;
          }
          case 'held-evidence': {
            const ev = rec.evidence;
            this.st('INSERT INTO held_evidence (relation_id, article_id, start, end, text, rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
              rec.relationId, ev.articleId, ev.start, ev.end, ev.text, ev.rule ?? null, ev.confidence ?? null,
            );
            break;
          }
          case 'rejection': {
            const x = rec.rejection;
            this.st(
              'INSERT INTO rejections (id, relation_id, type, from_id, to_id, article_id, start, end, text, reason, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            ).run(x.id, x.relationId, x.type, x.from, x.to, x.evidence?.articleId ?? null, x.evidence?.start ?? null, x.evidence?.end ?? null, x.evidence?.text ?? null, x.reason, x.at, x.actor ?? null);
            report.rejections++;
            break;
          }
          case 'acceptance': {
            const a = rec.acceptance;
            this.st('INSERT INTO acceptances (relation_id, at, actor) VALUES (?, ?, ?)').run(a.relationId, a.at, a.actor ?? null);
            report.acceptances++;
            break;
          }
          case 'audit': {
            const a = rec.entry;
            this.st('INSERT INTO audit_log (id, kind, at, actor, target, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
              a.id, a.kind, a.at, a.actor ?? null, a.target, JSON.stringify(a.before ?? null), JSON.stringify(a.after ?? null),
            );
            report.audit++;
            break;
          }
        }
      }
      this.db.exec('UPDATE entities SET degree = (SELECT count(*) FROM relations r WHERE r.src = entities.n) + (SELECT count(*) FROM relations r WHERE r.dst = entities.n)');
      this.db.prepare('COMMIT').run();
      this.index.invalidate();
      this.dates.invalidate();
      return report;
    } catch (err) {
      if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
      if (err instanceof GraphStoreError) throw err;
      throw new GraphStoreError('BAD_INPUT', `import failed, nothing was written: ${(err as Error).message}`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }
}

interface ArticleRowFull {
  id: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  file: string | null;
  text: string;
  loaded_at: string;
}

function articleFromRow(r: ArticleRowFull): Article {
  return {
    id: r.id,
    title: r.title,
    date: r.date,
    source: r.source,
    url: r.url,
    file: r.file,
    text: r.text,
    loadedAt: r.loaded_at,
  };
}

interface AuditRow {
  id: string;
  kind: AuditKind;
  at: string;
  actor: string | null;
  target: string;
  before: string | null;
  after: string | null;
}

function toAuditEntry(r: AuditRow): AuditEntry {
  return { id: r.id, kind: r.kind, at: r.at, actor: r.actor, target: r.target, before: JSON.parse(r.before ?? 'null'), after: JSON.parse(r.after ?? 'null') };
}

interface AcceptanceRow {
  relation_id: string;
  at: string;
  actor: string | null;
}

function toAcceptance(r: AcceptanceRow): Acceptance {
  return { relationId: r.relation_id, at: r.at, actor: r.actor };
}

interface RejectionRow {
  id: string;
  relation_id: string;
  type: RelationType;
  from_id: string;
  to_id: string;
  article_id: string | null;
  start: number | null;
  end: number | null;
  text: string | null;
  reason: string;
  at: string;
  actor: string | null;
}

function toRejection(r: RejectionRow): Rejection {
  return {
    id: r.id,
    relationId: r.relation_id,
    type: r.type,
    from: r.from_id,
    to: r.to_id,
    evidence: r.article_id == null ? null : { articleId: r.article_id, start: r.start!, end: r.end!, text: r.text ?? '' },
    reason: r.reason,
    at: r.at,
    actor: r.actor,
  };
}

/** Aliases without the name itself and without spellings that differ only in width or quotes. */
export function uniqueAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([canonicalName(name)]);
  const out: string[] = [];
  for (const a of aliases) {
    const trimmed = a?.trim();
    if (!trimmed) continue;
    const key = canonicalName(trimmed);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

