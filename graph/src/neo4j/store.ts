import { createHash, randomBytes } from 'node:crypto';
import type { BookmarkManager, Driver, ManagedTransaction, Session } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { schemaIndexNames, schemaStatements } from '@chain-atlas/cypher';
import type {
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
  GraphPath,
  GraphStats,
  MemberRole,
  MergePreview,
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
import { neighbourCursor, parseNeighbourCursor, passes, summarise, type RelationFilter } from '../summary';
import { checkSaveView, newViewId, viewPageSize, type SaveViewInput, type ViewPageOptions } from '../saved-views';
import { ENTITY_TYPES, RELATION_TYPES, isEntityType, isRelationType } from '../model';
import { kShortestPaths, pathQuery } from '../paths';
import type { Adjacency, Step } from '../paths';
import { articleId as articleIdOf, auditId, canonicalName, entityId as entityIdOf, orientRelation, rejectionId, relationId as relationIdOf } from '../ids';
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
import type { GraphRecord, ImportReport } from '../backup';
import { hasHan, matchScore, pinyinForms, pinyinScore, searchForm } from '../search-keys';
import type { Row } from './queries';
import { int, run, runAutoCommit } from './queries';
import { STORE_BOUNDS, bounded, emptyImportReport, emptyUpsertReport, rankHits, rankScore, validateArticleText, validateExtraction } from '../core';
import { aliasesAfterUndo, mergeToUndo, movedRelationId, previewMerge, type MergeUndo, type MergedRelation } from '../merge';
import { neo4jChain, neo4jClusterProfile, neo4jDistrictProfile } from './views';
import { encodeReviewCursor, reviewKey, reviewOptions, type ReviewPage, type ReviewQueueOptions } from '../review';
import { toAcceptance, toEvidence, toRelation } from './rows';

export interface Neo4jConnectionConfig {
  /** bolt://, neo4j:// or, for Aura and TLS clusters, neo4j+s:// */
  uri: string;
  username: string;
  password: string;
  /** The server's default database when absent. */
  database?: string;
}

/** A hub's relations past this many (in arrival order) are not walked by the path search. */
const PATH_NEIGHBOURS_PER_NODE = 5_000;
/** Rounds of neighbour fetching a path search may take before it answers with what it has. */
const PATH_ROUNDS = 64;
/** Nodes whose neighbours one paths_neighbours query fetches. */
const PATH_BATCH = 1_000;
/** The most relations a neighbourhood answer carries; past it the answer is `truncated`. */
const NEIGHBOURHOOD_EDGE_LIMIT = 100_000;
const INDEX_WAIT_SECONDS = 300;
const EXPORT_PAGE = 5_000;
/** Entities per page of mentions: each comes with all the articles naming it. */
const EXPORT_MENTION_PAGE = 1_000;
const IMPORT_BATCH = 2_000;

// ---- Names: what identity and search rest on ----------------------------------------------

interface NameProps {
  aliases: string[];
  nameKeys: string[];
  searchKeys: string[];
  /** searchKeys joined by newlines (no search form holds one), for the CONTAINS text index. */
  searchText: string;
}

/**
 * Aliases without repeats (by canonical form) and without the name itself; the keys entity
 * resolution compares; the lower-case forms and pinyin (full and initials) search looks in.
 */
function nameProps(name: string, aliases: readonly string[]): NameProps {
  const nameKey = canonicalName(name);
  const keys = new Set([nameKey]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const a = alias.trim();
    const key = canonicalName(a);
    if (!key || keys.has(key)) continue;
    keys.add(key);
    kept.push(a);
  }
  const searchKeys = new Set<string>();
  for (const term of [name, ...kept]) {
    const form = searchForm(term);
    if (form) searchKeys.add(form);
    if (hasHan(term)) {
      const py = pinyinForms(term);
      if (py.full) searchKeys.add(py.full);
      if (py.initials) searchKeys.add(py.initials);
    }
  }
  return { aliases: kept, nameKeys: [...keys], searchKeys: [...searchKeys], searchText: [...searchKeys].join('\n') };
}

// ---- Row shapes -----------------------------------------------------------------------------

function toEntity(row: unknown): Entity {
  const e = row as { id: string; type: EntityType; name: string; aliases?: string[] | null };
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [] };
}

/** An audit entry's id and time, fixed before the transaction so a retried commit writes it once. */
function newAudit(kind: AuditKind, target: string, who: ActorOptions = {}) {
  return { id: auditId(Date.now() * 1000, randomBytes(4).toString('hex')), kind, at: new Date().toISOString(), actor: who.actor ?? null, target };
}

async function writeAudit(tx: ManagedTransaction, entry: ReturnType<typeof newAudit>, before: unknown, after: unknown): Promise<void> {
  await run(tx, 'audit_create', { entry: { ...entry, before: JSON.stringify(before ?? null), after: JSON.stringify(after ?? null) } });
}

function toAuditEntry(value: unknown): AuditEntry {
  const a = value as { id: string; kind: AuditKind; at: string; actor?: string | null; target: string; before?: string | null; after?: string | null };
  return { id: a.id, kind: a.kind, at: a.at, actor: a.actor ?? null, target: a.target, before: JSON.parse(a.before ?? 'null'), after: JSON.parse(a.after ?? 'null') };
}

function toRejection(value: unknown): Rejection {
  const x = value as { id: string; relationId: string; type: RelationType; fromId: string; toId: string; articleId?: string | null; start?: number | null; end?: number | null; text?: string | null; reason: string; at: string; actor?: string | null };
  return {
    id: x.id,
    relationId: x.relationId,
    type: x.type,
    from: x.fromId,
    to: x.toId,
    evidence: x.articleId == null ? null : { articleId: x.articleId, start: Number(x.start), end: Number(x.end), text: x.text ?? '' },
    reason: x.reason,
    at: x.at,
    actor: x.actor ?? null,
  };
}

const ARTICLE_META = ['title', 'date', 'source', 'url', 'file'] as const;

function toArticle(row: unknown): Article {
  const a = row as Record<string, unknown>;
  const article: Article = { id: a.id as string, text: a.text as string };
  for (const k of ARTICLE_META) article[k] = (a[k] as string | null | undefined) ?? null;
  if (a.loadedAt) article.loadedAt = a.loadedAt as string;
  return article;
}

function toSummary(row: unknown): ArticleSummary {
  const a = row as Record<string, unknown>;
  const summary: ArticleSummary = { id: a.id as string, length: Number(a.length ?? 0) };
  for (const k of ARTICLE_META) summary[k] = (a[k] as string | null | undefined) ?? null;
  if (a.loadedAt) summary.loadedAt = a.loadedAt as string;
  return summary;
}

/** In the order asked for, each once, skipping ids the graph does not hold. */
function inOrder<T extends { id: string }>(ids: readonly string[], items: readonly T[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const out: T[] = [];
  for (const id of ids) {
    const item = byId.get(id);
    if (item && !seen.has(id)) {
      seen.add(id);
      out.push(item);
    }
  }
  return out;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

function evidenceId(relationId: string, articleId: string, start: number, end: number): string {
  return `ev:${createHash('sha256').update(`${relationId}\u0000${articleId}\u0000${start}\u0000${end}`).digest('hex').slice(0, 24)}`;
}

/**
 * The Lucene query for what a user typed: each Han run as a phrase (bigrams in sequence, i.e.
 * a substring), each Latin run as a prefix; all must match. Only [Han a-z 0-9] reach Lucene, so
 * nothing needs escaping. null when no part is long enough for the index (one Han character).
 */
export function luceneQuery(text: string): string | null {
  const form = searchForm(text);
  const parts: string[] = [];
  for (const run of form.match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
    if (hasHan(run)) {
      if ([...run].length >= 2) parts.push(`"${run}"`);
    } else {
      parts.push(`${run}*`);
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}

/**
 * How well an entity answers a query, and by which of its names (0 when it does not). The
 * same scale as the SQLite store: exact > prefix > substring, name > alias > pinyin, and among
 * equals the better connected entity.
 */
function scoreEntity(text: string, entity: Entity, degree: number): { score: number; matched: string } {
  let best = { score: matchScore(text, entity.name, 'name'), matched: entity.name };
  for (const alias of entity.aliases) {
    const score = matchScore(text, alias, 'alias');
    if (score > best.score) best = { score, matched: alias };
  }
  if (!hasHan(text)) {
    for (const term of [entity.name, ...entity.aliases]) {
      const score = pinyinScore(text, term);
      if (score > best.score) best = { score, matched: term };
    }
  }
  if (best.score <= 0) return best;
  return { score: rankScore(best.score, degree), matched: best.matched };
}

/** Where a relation lands after resolution, as relations_upsert takes it. */
interface Fact {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  amountCny: number | null;
  role: MemberRole | null;
  seq: unknown;
}

/** Two statements of one fact: the first amount wins, and 龙头 (leader) outranks member. */
function combine(fact: Fact, amountCny: number | null | undefined, role: MemberRole | null | undefined): void {
  fact.amountCny ??= amountCny ?? null;
  if (role === 'leader') fact.role = 'leader';
  else fact.role ??= role ?? null;
}

function storeFailure(error: unknown): GraphStoreError {
  if (error instanceof GraphStoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphStoreError('STORE_FAILURE', `Neo4j: ${message}`);
}

// ---- Resolution: one round trip for all of an article's entities -----------------------------

/** What entities_resolve is asked about one extracted entity. */
interface ResolveQuery {
  index: unknown;
  type: EntityType;
  ownId: string;
  /** Canonical forms of the name and aliases, the name first. */
  keys: string[];
  /** Ids the aliases would have, in alias order: a merge may have redirected one of them. */
  aliasIds: string[];
}

interface ResolveRow {
  own: string[];
  redirected: string[];
  named: { key: string; ids: string[] }[];
  aliasRedirects: { aliasId: string; id: string }[];
}

function resolveQuery(index: number, type: EntityType, name: string, aliases: readonly string[]): ResolveQuery {
  return {
    index: int(index),
    type,
    ownId: entityIdOf(type, name),
    keys: unique([name, ...aliases].map(canonicalName).filter(Boolean)),
    aliasIds: aliases.filter((a) => canonicalName(a)).map((a) => entityIdOf(type, a)),
  };
}

/**
 * The SQLite store's order: the entity's own id, then where a merge sent it, then the one
 * same-type entity carrying one of the names (an ambiguous name picks none), then an alias's id
 * that an analyst merged away. `local` holds what this transaction already created or named
 * (an article can name one entity twice, the second time by a short name).
 */
function pickResolution(q: ResolveQuery, row: ResolveRow | undefined, local?: LocalNames): string | null {
  const own = row?.own[0] ?? (local?.created.has(q.ownId) ? q.ownId : undefined);
  if (own) return own;
  if (row?.redirected[0]) return row.redirected[0];
  for (const key of q.keys) {
    const ids = new Set(row?.named.find((n) => n.key === key)?.ids ?? []);
    for (const id of local?.named.get(`${q.type}\u0000${key}`) ?? []) ids.add(id);
    if (ids.size === 1) return [...ids][0];
  }
  for (const aliasId of q.aliasIds) {
    const to = row?.aliasRedirects.find((r) => r.aliasId === aliasId)?.id;
    if (to) return to;
  }
  return null;
}

class LocalNames {
  readonly created = new Set<string>();
  readonly named = new Map<string, Set<string>>();

  add(type: EntityType, id: string, names: readonly string[]): void {
    for (const key of names.map(canonicalName).filter(Boolean)) {
      const k = `${type}\u0000${key}`;
      const ids = this.named.get(k) ?? new Set<string>();
      ids.add(id);
      this.named.set(k, ids);
    }
  }
}

let curationCounter = 0;
let viewCounter = 0;

function toSavedView(row: unknown): SavedView {
  const v = row as { id: string; name?: string | null; state: string; savedAt: string };
  return { id: v.id, name: v.name ?? null, state: v.state, savedAt: v.savedAt };
}

/**
 * A curation's id and place in the log, fixed before its transaction starts: the driver may run
 * the transaction again after a commit whose answer was lost, and it must find this curation.
 */
function curationKey(kind: Curation['kind'], entityId: string, value: string): { id: string; seq: unknown; at: string } {
  const at = new Date().toISOString();
  const id = `cur:${createHash('sha256').update(`${kind}\u0000${entityId}\u0000${value}\u0000${at}`).digest('hex').slice(0, 24)}`;
  curationCounter = (curationCounter + 1) % 1000;
  return { id, seq: int(Date.now() * 1000 + curationCounter), at };
}

// ---- The store ------------------------------------------------------------------------------

export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  /**
   * One for the store, handed to every session: each commit's bookmark reaches the next
   * session, so a read routed to a follower of a cluster (or Aura) waits until it has applied
   * the writes this store made before it.
   */
  readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  private static createDriver(config: Neo4jConnectionConfig): Driver {
    return neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
      // Counts and offsets come back as JS numbers; they never approach 2^53 here.
      disableLosslessIntegers: true,
      userAgent: 'chain-atlas',
    });
  }

  /**
   * Connects and checks that the schema this adapter needs is in place and online. It does not
   * create it: that needs schema privileges and, on a big database, time (`pnpm graph migrate`).
   */
  static async connect(config: Neo4jConnectionConfig): Promise<Neo4jGraphStore> {
    const driver = Neo4jGraphStore.createDriver(config);
    try {
      return await Neo4jGraphStore.open(driver, config.database || undefined);
    } catch (error) {
      await driver.close();
      throw storeFailure(error);
    }
  }

  /** connect() on a driver the caller made (tests use a scripted one). */
  static async open(driver: Driver, database?: string): Promise<Neo4jGraphStore> {
    await driver.verifyConnectivity({ database });
    const store = new Neo4jGraphStore(driver, database);
    await store.checkSchema();
    return store;
  }

  /** Creates what is missing of the schema, drops indexes no query uses, and waits for ours to be online. */
  static async migrateDatabase(config: Neo4jConnectionConfig): Promise<void> {
    const driver = Neo4jGraphStore.createDriver(config);
    try {
      await driver.verifyConnectivity({ database: config.database || undefined });
      await new Neo4jGraphStore(driver, config.database || undefined).migrate();
    } catch (error) {
      throw storeFailure(error);
    } finally {
      await driver.close();
    }
  }

  /** Wraps a driver the caller owns the configuration of (tests use a scripted one); nothing is checked. */
  static fromDriver(driver: Driver, database?: string): Neo4jGraphStore {
    return new Neo4jGraphStore(driver, database);
  }

  async migrate(): Promise<void> {
    // Schema commands cannot share a transaction with each other or with data writes.
    for (const statement of schemaStatements()) {
      await this.write((tx) => tx.run(statement).then(() => undefined));
    }
    for (const name of schemaIndexNames()) {
      await this.write((tx) => run(tx, 'schema_await', { name, timeoutSeconds: int(INDEX_WAIT_SECONDS) }));
    }
    const session = this.session('WRITE');
    try {
      await runAutoCommit(session, 'schema_backfill_names', {});
    } finally {
      await session.close();
    }
  }

  /** Refuses to serve without the indexes search and resolution rest on (missing, FAILED or still populating). */
  async checkSchema(): Promise<void> {
    const names = schemaIndexNames();
    const rows = await this.read((tx) => run(tx, 'schema_check', { names }));
    const state = new Map(rows.map((r) => [r.name as string, r]));
    const missing = names.filter((n) => !state.has(n));
    const notOnline = names
      .filter((n) => state.has(n) && state.get(n)!.state !== 'ONLINE')
      .map((n) => {
        const row = state.get(n)!;
        return row.state === 'POPULATING' ? `${n} (populating, ${Number(row.populationPercent ?? 0).toFixed(0)}%)` : `${n} (${String(row.state)})`;
      });
    if (missing.length === 0 && notOnline.length === 0) return;
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', notOnline.length ? `not online: ${notOnline.join(', ')}` : ''].filter(Boolean);
    throw new GraphStoreError(
      'STORE_FAILURE',
      `Neo4j schema is not ready (${parts.join('; ')}): run \`pnpm graph migrate\` with a user allowed to create indexes, and wait for it to finish`,
    );
  }

  /**
   * Deletes every node and relationship of the database, in batches of their own transactions
   * (a million relations do not fit one). For tests against a scratch database, and to undo an import.
   */
  async clearGraph(): Promise<void> {
    const session = this.session('WRITE');
    try {
      await runAutoCommit(session, 'graph_clear', {});
    } catch (error) {
      throw storeFailure(error);
    } finally {
      await session.close();
    }
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw storeFailure(error);
    } finally {
      await session.close();
    }
  }

  /**
   * A managed write: the driver retries `work` on transient failures, and may run it again
   * after a commit whose answer was lost, so every write in it is a MERGE that finds its own
   * earlier result, and the result is built only from what it reads.
   */
  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw storeFailure(error);
    } finally {
      await session.close();
    }
  }

  // ---- Names --------------------------------------------------------------------------------

  private async resolveAll(tx: ManagedTransaction, queries: ResolveQuery[]): Promise<Map<number, ResolveRow>> {
    if (queries.length === 0) return new Map();
    const rows = await run(tx, 'entities_resolve', { queries });
    return new Map(rows.map((r) => [Number(r.index), r as unknown as ResolveRow]));
  }

  /**
   * Adds names to entities' aliases (those they do not carry yet, by canonical form), in one
   * read and at most one write. A missing entity is NOT_FOUND.
   */
  private async addNames(tx: ManagedTransaction, names: Map<string, string[]>): Promise<Map<string, Entity>> {
    const out = new Map<string, Entity>();
    if (names.size === 0) return out;
    const rows = await run(tx, 'entities_names', { ids: [...names.keys()] });
    const current = new Map(rows.map((r) => [(r.entity as Entity).id, r.entity as Entity & { nameKeys?: string[] }]));
    const updates: (NameProps & { id: string })[] = [];
    for (const [id, added] of names) {
      const entity = current.get(id);
      if (!entity) throw new GraphStoreError('NOT_FOUND', `no entity ${id}`);
      const props = nameProps(entity.name, [...(entity.aliases ?? []), ...added]);
      const known = new Set(entity.nameKeys ?? []);
      if (props.nameKeys.every((key) => known.has(key))) {
        out.set(id, toEntity(entity));
      } else {
        updates.push({ id, ...props });
      }
    }
    if (updates.length) {
      for (const row of await run(tx, 'entities_set_names', { entities: updates })) {
        const entity = toEntity(row.entity);
        out.set(entity.id, entity);
      }
    }
    return out;
  }

  // ---- Articles -----------------------------------------------------------------------------

  async upsertArticles(extractions: ArticleExtraction[]): Promise<ArticleOutcome[]> {
    // One write transaction per article keeps each atomic and each retryable on its own.
    const outcomes: ArticleOutcome[] = [];
    for (const extraction of extractions) {
      try {
        outcomes.push({ ok: true, report: await this.upsertArticle(extraction) });
      } catch (err) {
        outcomes.push({ ok: false, error: err instanceof Error ? err : new Error(String(err)) });
      }
    }
    return outcomes;
  }

  async upsertArticle(extraction: ArticleExtraction, audit?: ActorOptions): Promise<UpsertReport> {
    const { article } = extraction;
    validateArticleText(article?.text);
    // Before any write: a refused extraction takes no lock and claims nothing.
    validateExtraction(extraction);
    const id = article.id ?? articleIdOf(article.text);
    const loadedAt = new Date().toISOString();
    const seqBase = Date.now() * 1000;
    const entry = audit ? newAudit('ingest', id, audit) : null;

    return this.write(async (tx) => {
      // Built afresh on every attempt: the driver may run this function again after a transient failure.
      const report = emptyUpsertReport(id);
      const [claim] = await run(tx, 'article_merge', {
        id,
        text: article.text,
        length: int(article.text.length),
        title: article.title ?? null,
        date: article.date ?? null,
        source: article.source ?? null,
        url: article.url ?? null,
        file: article.file ?? null,
        loadedAt,
      });
      if (!claim?.created) {
        // Same text, same article (loaded earlier, or by a concurrent loader that got there
        // first): say where its facts live and change nothing.
        const valid = extraction.entities.filter((e) => isEntityType(e.type) && canonicalName(e.name ?? ''));
        const queries = valid.map((e, i) => resolveQuery(i, e.type, e.name, e.aliases ?? []));
        const rows = await this.resolveAll(tx, queries);
        const idOfKey = new Map<string, string>();
        valid.forEach((e, i) => {
          const resolved = pickResolution(queries[i], rows.get(i));
          if (resolved) idOfKey.set(e.key, resolved);
        });
        report.entitiesExisting = unique(idOfKey.values());
        for (const r of extraction.relations) {
          const from = idOfKey.get(r.from);
          const to = idOfKey.get(r.to);
          if (from && to && from !== to && isRelationType(r.type)) report.relationsExisting.push(relationIdOf(r.type, from, to));
        }
        report.relationsExisting = unique(report.relationsExisting);
        if (entry) await writeAudit(tx, entry, null, ingestSummary(extraction, report));
        return report;
      }
      report.created = true;

      const extracted = extraction.entities.map((e) => ({ key: e.key, type: e.type, name: e.name.trim(), aliases: e.aliases ?? [] }));
      await run(tx, 'name_keys_lock', {
        keys: unique(extracted.flatMap((e) => [e.name, ...e.aliases].map(canonicalName).filter(Boolean))).sort(),
      });
      const queries = extracted.map((e, i) => resolveQuery(i, e.type, e.name, e.aliases));
      const rows = await this.resolveAll(tx, queries);

      // In the article's order, as the SQLite store does: a later mention can land on an entity
      // an earlier one created or gave a name to.
      const local = new LocalNames();
      const idOfKey = new Map<string, string>();
      const toCreate = new Map<string, { type: EntityType; name: string; names: string[] }>();
      const namesOfExisting = new Map<string, string[]>();
      extracted.forEach((e, i) => {
        const resolved = pickResolution(queries[i], rows.get(i), local);
        const names = [e.name, ...e.aliases];
        if (resolved) {
          const creating = toCreate.get(resolved);
          if (creating) creating.names.push(...names);
          else namesOfExisting.set(resolved, [...(namesOfExisting.get(resolved) ?? []), ...names]);
          local.add(e.type, resolved, names);
          idOfKey.set(e.key, resolved);
          if (!report.entitiesAdded.includes(resolved) && !report.entitiesExisting.includes(resolved)) report.entitiesExisting.push(resolved);
        } else {
          const ownId = entityIdOf(e.type, e.name);
          toCreate.set(ownId, { type: e.type, name: e.name, names: [...e.aliases] });
          local.created.add(ownId);
          local.add(e.type, ownId, names);
          idOfKey.set(e.key, ownId);
          report.entitiesAdded.push(ownId);
        }
      });
      if (toCreate.size) {
        const entities = [...toCreate].map(([ownId, c]) => ({ id: ownId, type: c.type, name: c.name, ...nameProps(c.name, c.names) }));
        for (const row of await run(tx, 'entities_create', { entities })) {
          if (row.created) continue;
          // Made between our resolution and our MERGE (by a loader naming it differently): it exists, so it gets these names.
          const existing = row.id as string;
          report.entitiesAdded = report.entitiesAdded.filter((a) => a !== existing);
          report.entitiesExisting.push(existing);
          const c = toCreate.get(existing)!;
          namesOfExisting.set(existing, [...(namesOfExisting.get(existing) ?? []), c.name, ...c.names]);
        }
      }
      await this.addNames(tx, namesOfExisting);
      await run(tx, 'entities_mention', { articleId: id, entityIds: unique(idOfKey.values()) });

      // Several extracted relations can be one fact (same type and endpoints after resolution).
      const facts = new Map<string, Fact>();
      const evidence = new Map<string, { id: string; relationId: string; text: string; start: unknown; end: unknown; rule: string | null; confidence: number | null }>();
      extraction.relations.forEach((rel, index) => {
        const [from, to] = orientRelation(rel.type, idOfKey.get(rel.from)!, idOfKey.get(rel.to)!);
        // Two mentions resolved onto one entity: a relation to itself says nothing.
        if (from === to) return;
        const relId = relationIdOf(rel.type, from, to);
        const fact = facts.get(relId) ?? { id: relId, type: rel.type, from, to, amountCny: null, role: null, seq: int(seqBase + index) };
        combine(fact, rel.amountCny, rel.role);
        facts.set(relId, fact);
        const ev = rel.evidence;
        const evId = evidenceId(relId, id, ev.start, ev.end);
        // The first statement of a sentence wins, as in the SQLite store.
        if (!evidence.has(evId)) evidence.set(evId, { id: evId, relationId: relId, text: ev.text, start: int(ev.start), end: int(ev.end), rule: rel.rule ?? null, confidence: rel.confidence ?? null });
      });
      // What an analyst rejected (the fact, or this sentence of it) is held, not written.
      if (facts.size > 0) {
        const pieces = [...evidence.values()].map((ev) => ({ ev, rejection: rejectionId(ev.relationId, { articleId: id, start: Number(ev.start), end: Number(ev.end) }) }));
        const asked = unique([...facts.keys(), ...pieces.map((p) => p.rejection)]);
        const rejected = new Set((await run(tx, 'rejections_match', { ids: asked })).map((r) => r.id as string));
        if (rejected.size > 0) {
          const held = pieces.filter((p) => rejected.has(p.ev.relationId) || rejected.has(p.rejection)).map((p) => p.ev);
          for (const ev of held) evidence.delete(ev.id);
          const stated = new Set([...evidence.values()].map((ev) => ev.relationId));
          const heldRows = held.map((ev) => {
            const fact = facts.get(ev.relationId)!;
            return { ...ev, type: fact.type, fromId: fact.from, toId: fact.to, amountCny: fact.amountCny, role: fact.role, seq: fact.seq };
          });
          for (const relId of [...facts.keys()]) if (!stated.has(relId)) facts.delete(relId);
          await run(tx, 'held_create', { articleId: id, evidence: heldRows });
        }
      }
      if (facts.size > 0) {
        for (const row of await run(tx, 'relations_upsert', { relations: [...facts.values()] })) {
          (row.created ? report.relationsAdded : report.relationsExisting).push(row.id as string);
        }
        const [added] = await run(tx, 'evidence_create', { articleId: id, evidence: [...evidence.values()] });
        report.evidenceAdded = Number(added?.added ?? 0);
      }
      if (entry) await writeAudit(tx, entry, null, ingestSummary(extraction, report));
      return report;
    });
  }

  async deleteArticle(id: string, audit: ActorOptions = {}): Promise<boolean> {
    const entry = newAudit('delete-article', id, audit);
    return this.write(async (tx) => {
      const [gone] = await run(tx, 'articles_get', { ids: [id] });
      if (!gone) return false;
      const a = gone.article as Article;
      await writeAudit(tx, entry, { id: a.id, title: a.title ?? null, date: a.date ?? null, source: a.source ?? null, url: a.url ?? null }, null);
      await run(tx, 'article_delete_held_evidence', { articleId: id });
      const [stated] = await run(tx, 'article_delete_evidence', { articleId: id });
      const relationIds = (stated?.relationIds as string[] | undefined) ?? [];
      const [unrelated] = relationIds.length ? await run(tx, 'relations_delete_unevidenced', { relationIds }) : [];
      const [deleted] = await run(tx, 'article_delete', { articleId: id });
      // What the article named, and the ends of the relations that went with it.
      const entityIds = unique([...((deleted?.entityIds as string[] | undefined) ?? []), ...((unrelated?.entityIds as string[] | undefined) ?? [])]);
      if (entityIds.length) await run(tx, 'entities_delete_orphans', { entityIds });
      return true;
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    return (await this.getArticles([id]))[0] ?? null;
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const rows = await this.read((tx) => run(tx, 'articles_get', { ids: unique(ids) }));
    return inOrder(ids, rows.map((r) => toArticle(r.article)));
  }

  async listArticles(options: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: ArticleSummary[] }> {
    const limit = bounded(options.limit, STORE_BOUNDS.articlePage);
    const offset = Math.max(0, Math.trunc(options.offset ?? 0));
    return this.read(async (tx) => {
      const [count] = await run(tx, 'articles_count', {});
      // The GraphStore interface pages articles by offset (newest first): SKIP stays here.
      const rows = await run(tx, 'articles_list', { offset: int(offset), limit: int(limit) });
      return { total: Number(count?.total ?? 0), items: rows.map((r) => toSummary(r.article)) };
    });
  }

  // ---- Entities and relations -------------------------------------------------------------

  async search(text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const form = searchForm(text ?? '');
    if (!/[\p{Script=Han}a-z0-9]/u.test(form)) return [];
    const limit = bounded(options.limit, STORE_BOUNDS.search);
    const types = (options.types ?? []).filter(isEntityType);
    // Candidates are re-scored and filtered here, so fetch more than asked for.
    const candidateLimit = int(Math.max(limit * 5, 100));
    const lucene = luceneQuery(text);
    const key = canonicalName(text);

    const hits = await this.read(async (tx) => {
      const scored = new Map<string, SearchHit>();
      const consider = (rows: Row[]) => {
        for (const row of rows) {
          const entity = toEntity(row.entity);
          if (scored.has(entity.id)) continue;
          const { score, matched } = scoreEntity(text, entity, Number(row.degree ?? 0));
          if (score > 0) scored.set(entity.id, { entity, score, matched });
        }
      };
      // The exact name first, as SQLite does: on a big graph it may not be among the index's best hundred.
      if (key) consider(await run(tx, 'search_exact', { key, types }));
      if (lucene) {
        // cjk drops English stop words ("at", "by", "no"): Latin-only queries (pinyin) go to the index that keeps them.
        const index = hasHan(form) ? 'entity_search' : 'entity_search_latin';
        consider(await run(tx, 'search_fulltext', { index, lucene, types, limit: candidateLimit }));
      }
      // The full-text indexes cannot see one Han character, nor pinyin that starts inside a name.
      if (!lucene || [...form].length <= 2 || scored.size < limit) {
        consider(await run(tx, 'search_contains', { text: form, types, limit: candidateLimit }));
      }
      return [...scored.values()];
    });

    return rankHits(hits, limit);
  }

  async getEntity(id: string, options: EntityDetailOptions = {}): Promise<EntityDetails | null> {
    const relationLimit = bounded(options.relationLimit, STORE_BOUNDS.detailRelations);
    const articleLimit = bounded(options.articleLimit, STORE_BOUNDS.detailArticles);
    return this.read(async (tx) => {
      // An id merged away answers with the entity it went into.
      const [found] = await run(tx, 'entity_follow_redirect', { id });
      if (!found) return null;
      const [row] = await run(tx, 'entity_details', { id: found.id as string, relationLimit: int(relationLimit), articleLimit: int(articleLimit) });
      if (!row) return null;
      const relationIds = row.relationIds as string[];
      const relations = relationIds.length ? inOrder(relationIds, (await run(tx, 'relations_get', { ids: relationIds })).map(toRelation)) : [];
      return {
        ...toEntity(row.entity),
        relations,
        articleIds: row.articleIds as string[],
        articleCount: Number(row.articleCount ?? 0),
        degree: Number(row.degree ?? 0),
      };
    });
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    if (ids.length === 0) return [];
    const rows = await this.read((tx) => run(tx, 'entities_get', { ids: unique(ids) }));
    return inOrder(ids, rows.map((r) => toEntity(r.entity)));
  }

  async relationsOf(id: string, options: RelationPageOptions = {}): Promise<{ total: number; items: Relation[] }> {
    const first = bounded(options.first, STORE_BOUNDS.relationPage);
    const types = (options.types ?? []).filter(isRelationType);
    return this.read(async (tx) => {
      const [found] = await run(tx, 'entity_follow_redirect', { id });
      if (!found) return { total: 0, items: [] };
      if (options.entityTypes?.length || options.dateFrom || options.dateTo) {
        // The other end's type and the article dates: the facts carry them.
        const filter: RelationFilter = { ...options, relationTypes: types };
        const kept = (await this.factsOf(tx, found.id as string)).filter((f) => passes(f, filter)).map((f) => f.relationId).sort();
        const after = options.after ?? '';
        const pageIds = kept.filter((x) => x > after).slice(0, first);
        const items = pageIds.length ? inOrder(pageIds, (await run(tx, 'relations_get', { ids: pageIds })).map(toRelation)) : [];
        return { total: kept.length, items };
      }
      // Relation ids are hex after a fixed prefix: Cypher and JavaScript sort them alike.
      const [row] = await run(tx, 'entity_relations_page', { id: found.id as string, types, after: options.after ?? '', first: int(first) });
      const pageIds = (row?.page as string[] | undefined) ?? [];
      const items = pageIds.length ? inOrder(pageIds, (await run(tx, 'relations_get', { ids: pageIds })).map(toRelation)) : [];
      return { total: Number(row?.total ?? 0), items };
    });
  }

  private async factsOf(tx: ManagedTransaction, id: string): Promise<EntityFact[]> {
    return (await run(tx, 'entity_facts', { id })).map((row) => ({
      relationId: row.relationId as string,
      type: row.type as RelationType,
      out: row.out === true,
      otherType: row.otherType as EntityType,
      amountCny: row.amountCny == null ? null : Number(row.amountCny),
      articles: (row.articles as { id: string; date?: string | null }[]).map((a) => ({ id: a.id, date: a.date ?? null })),
    }));
  }

  async entitySummary(id: string, filter: RelationFilter = {}): Promise<EntitySummary | null> {
    return this.read(async (tx) => {
      const [found] = await run(tx, 'entity_follow_redirect', { id });
      if (!found) return null;
      const [details] = await run(tx, 'entity_details', { id: found.id as string, relationLimit: int(0), articleLimit: int(0) });
      return summarise(await this.factsOf(tx, found.id as string), filter, Number(details?.articleCount ?? 0));
    });
  }

  async neighbours(id: string, options: NeighbourPageOptions = {}): Promise<NeighbourPage> {
    const cursor = parseNeighbourCursor(options.after);
    const first = bounded(options.first, STORE_BOUNDS.neighbourPage);
    return this.read(async (tx) => {
      const [found] = await run(tx, 'entity_follow_redirect', { id });
      if (!found) return { nodes: [], edges: [], total: 0, next: null };
      const self = found.id as string;
      // Dates live with the evidence: only a date filter needs the facts.
      const relationIds = options.dateFrom || options.dateTo ? (await this.factsOf(tx, self)).filter((f) => passes(f, options)).map((f) => f.relationId) : null;
      const [row] = await run(tx, 'entity_neighbours_page', {
        id: self,
        relationTypes: (options.relationTypes ?? []).filter(isRelationType),
        entityTypes: (options.entityTypes ?? []).filter(isEntityType),
        relationIds,
        afterDegree: int(cursor?.degree ?? 0),
        afterId: cursor?.id ?? null,
        first: int(first + 1),
      });
      const ranked = (row?.page as { id: string; degree: number; via: string[] }[] | undefined) ?? [];
      const page = ranked.slice(0, first);
      const pageIds = page.map((n) => n.id);
      const others = unique([...pageIds, ...(options.among ?? [])]).filter((x) => x !== self);
      const around = pageIds.length ? (await run(tx, 'neighbours_edges', { ids: pageIds, others })).map((r) => r.relationId as string) : [];
      const edgeIds = unique([...page.flatMap((n) => n.via), ...around]).sort();
      const nodes = pageIds.length ? inOrder(pageIds, (await run(tx, 'entities_get', { ids: pageIds })).map((r) => toEntity(r.entity))) : [];
      const edges = edgeIds.length ? inOrder(edgeIds, (await run(tx, 'relations_get', { ids: edgeIds })).map(toRelation)) : [];
      const last = page.at(-1);
      return { nodes, edges, total: Number(row?.total ?? 0), next: ranked.length > first && last ? neighbourCursor(last.degree, last.id) : null };
    });
  }

  async districts(): Promise<DistrictSummary[]> {
    const rows = await this.read((tx) => run(tx, 'districts_list', {}));
    return rows.map((r) => ({ district: toEntity(r.entity), located: Number(r.located) }));
  }

  async getRelations(ids: string[]): Promise<Relation[]> {
    if (ids.length === 0) return [];
    const rows = await this.read((tx) => run(tx, 'relations_get', { ids: unique(ids) }));
    return inOrder(ids, rows.map(toRelation));
  }

  async resolveNames(queries: AliasQuery[]): Promise<(string | null)[]> {
    if (queries.length === 0) return [];
    const asked = queries.map((q, i) => {
      const [first, ...rest] = q.names;
      return first && isEntityType(q.type) && canonicalName(first) ? resolveQuery(i, q.type, first, rest) : null;
    });
    return this.read(async (tx) => {
      const rows = await this.resolveAll(tx, asked.filter((q): q is ResolveQuery => q !== null));
      return asked.map((q, i) => (q ? pickResolution(q, rows.get(i)) : null));
    });
  }

  /** Entities the graph does not hold are left out of the map. */
  async degrees(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.read((tx) => run(tx, 'entities_degree', { ids: unique(ids) }));
    return new Map(rows.map((row) => [row.entityId as string, Number(row.degree)]));
  }

  // ---- Traversal ----------------------------------------------------------------------------

  async neighbourhood(ids: string[], options: NeighbourhoodOptions = {}): Promise<Subgraph> {
    const depth = bounded(options.depth, STORE_BOUNDS.neighbourhoodDepth);
    const limit = bounded(options.limit, STORE_BOUNDS.neighbourhoodNodes);
    const entityTypes = (options.entityTypes ?? []).filter(isEntityType);
    const relationTypes = (options.relationTypes ?? []).filter(isRelationType);

    return this.read(async (tx) => {
      const seeds = inOrder(unique(ids), (await run(tx, 'entities_get', { ids: unique(ids) })).map((r) => toEntity(r.entity)));
      let truncated = seeds.length > limit;
      const visited = seeds.slice(0, limit).map((e) => e.id);
      let frontier = [...visited];
      // Breadth first, so the nodes a limit cuts are the farthest ones. Each step asks for no
      // more than the room left, plus one to tell whether it was cut.
      for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level++) {
        const room = limit - visited.length;
        const next = (await run(tx, 'neighbourhood_expand', { frontier, visited: [...visited], relationTypes, entityTypes, limit: int(room + 1) })).map((r) => r.id as string);
        if (next.length > room) truncated = true;
        const taken = next.slice(0, Math.max(0, room));
        visited.push(...taken);
        frontier = taken;
      }
      const nodes = inOrder(visited, (await run(tx, 'entities_get', { ids: visited })).map((r) => toEntity(r.entity)));
      // Every relation among the nodes found, not only the ones walked: the picture is of the subgraph.
      const edgeIds = (await run(tx, 'neighbourhood_edges', { ids: visited, relationTypes, limit: int(NEIGHBOURHOOD_EDGE_LIMIT) })).map((r) => r.relationId as string);
      if (edgeIds.length >= NEIGHBOURHOOD_EDGE_LIMIT) truncated = true;
      const edges = edgeIds.length ? inOrder(edgeIds, (await run(tx, 'relations_get', { ids: edgeIds })).map(toRelation)) : [];
      return { nodes, edges, truncated };
    });
  }

  // The chain view and the dashboards: see views.ts.
  async chain(rootId: string, options: ChainOptions = {}): Promise<Chain | null> {
    return this.read((tx) => neo4jChain(tx, rootId, options));
  }

  async districtProfile(id: string): Promise<DistrictProfile | null> {
    return this.read((tx) => neo4jDistrictProfile(tx, id));
  }

  async clusterProfile(id: string): Promise<ClusterProfile | null> {
    return this.read((tx) => neo4jClusterProfile(tx, id));
  }

  /**
   * The same k-shortest-paths search as the SQLite store (graph/src/paths.ts), over neighbours
   * fetched a batch at a time: the search runs against what is known, every node it wanted and
   * did not have is fetched in one query, and it runs again until it wanted nothing new. The
   * last run saw the true neighbours of every node it touched, so it is the answer, and a
   * deterministic one (neighbours come in arrival order).
   */
  async paths(from: string, to: string, options: PathOptions = {}): Promise<GraphPath[]> {
    const { maxLength, k, relationTypes, passable, dateFrom, dateTo } = pathQuery(options);
    if (from === to) return [];

    return this.read(async (tx) => {
      const nodeIds: string[] = [];
      const nodeNumber = new Map<string, number>();
      const relationIds: string[] = [];
      const relationNumber = new Map<string, number>();
      const number = (id: string, ids: string[], numbers: Map<string, number>): number => {
        let n = numbers.get(id);
        if (n === undefined) {
          n = ids.length;
          ids.push(id);
          numbers.set(id, n);
        }
        return n;
      };
      const steps = new Map<number, Step[]>();
      const degree = new Map<number, number>();
      const held = new Set<number>();
      const fetch = async (nodes: number[]) => {
        for (let i = 0; i < nodes.length; i += PATH_BATCH) {
          const batch = nodes.slice(i, i + PATH_BATCH).map((n) => nodeIds[n]);
          const rows = await run(tx, 'paths_neighbours', { ids: batch, ends: [from, to], relationTypes, passable, dateFrom, dateTo, perNode: int(PATH_NEIGHBOURS_PER_NODE) });
          for (const row of rows) {
            const node = number(row.nodeId as string, nodeIds, nodeNumber);
            const list = (row.steps as { relationId: string; node: string; degree: number }[]).map((s) => {
              const reached = number(s.node, nodeIds, nodeNumber);
              degree.set(reached, Number(s.degree));
              return { edge: number(s.relationId, relationIds, relationNumber), node: reached, degree: Number(s.degree) };
            });
            steps.set(node, list);
            held.add(node);
            degree.set(node, Number(row.degree));
          }
          // A node the graph does not hold has no row: it has no neighbours.
          for (const id of batch) if (!steps.has(nodeNumber.get(id)!)) steps.set(nodeNumber.get(id)!, []);
        }
      };
      const source = number(from, nodeIds, nodeNumber);
      const target = number(to, nodeIds, nodeNumber);
      await fetch([source, target]);
      if (!held.has(source) || !held.has(target)) return [];

      let wanted = new Set<number>();
      const adjacency: Adjacency = (node) => {
        const known = steps.get(node);
        if (known) return known;
        wanted.add(node);
        return [];
      };
      let found = kShortestPaths(source, target, adjacency, { k, maxLength, degreeOf: (n) => degree.get(n) ?? 1 });
      for (let round = 0; wanted.size > 0 && round < PATH_ROUNDS; round++) {
        await fetch([...wanted]);
        wanted = new Set();
        found = kShortestPaths(source, target, adjacency, { k, maxLength, degreeOf: (n) => degree.get(n) ?? 1 });
      }
      if (found.length === 0) return [];
      const entityIds = unique(found.flatMap((p) => p.nodes.map((n) => nodeIds[n])));
      const pathRelationIds = unique(found.flatMap((p) => p.edges.map((e) => relationIds[e])));
      const entities = new Map((await run(tx, 'entities_get', { ids: entityIds })).map((r) => toEntity(r.entity)).map((e) => [e.id, e]));
      const relations = new Map((await run(tx, 'relations_get', { ids: pathRelationIds })).map(toRelation).map((r) => [r.id, r]));
      return found.map((p) => ({
        nodes: p.nodes.map((n) => entities.get(nodeIds[n])!),
        edges: p.edges.map((e) => relations.get(relationIds[e])!),
      }));
    });
  }

  // ---- Curation -----------------------------------------------------------------------------

  async addAlias(entityId: string, alias: string, audit: ActorOptions = {}): Promise<Entity> {
    const clean = typeof alias === 'string' ? alias.trim() : '';
    if (!canonicalName(clean)) throw new GraphStoreError('BAD_INPUT', 'an alias cannot be empty');
    const curation = curationKey('alias', entityId, clean);
    const entry = newAudit('alias', entityId, audit);
    return this.write(async (tx) => {
      const [before] = await run(tx, 'entities_names', { ids: [entityId] });
      const entity = (await this.addNames(tx, new Map([[entityId, [clean]]]))).get(entityId)!;
      await run(tx, 'curation_create', { ...curation, kind: 'alias', entityId, value: clean });
      await writeAudit(tx, entry, { aliases: before ? toEntity(before.entity).aliases : [] }, { aliases: entity.aliases, added: clean });
      return entity;
    });
  }

  async mergeEntities(keepId: string, mergeId: string, audit: ActorOptions = {}): Promise<Entity> {
    const curation = curationKey('merge', keepId, mergeId);
    const entry = newAudit('merge', keepId, audit);
    return this.write(async (tx) => {
      const rows = await run(tx, 'entities_names', { ids: unique([keepId, mergeId]) });
      const keepRow = rows.find((r) => (r.entity as Entity).id === keepId);
      const mergeRow = rows.find((r) => (r.entity as Entity).id === mergeId);
      if (!keepRow) throw new GraphStoreError('NOT_FOUND', `no entity ${keepId}`);
      if (!mergeRow) {
        // This very merge committed, and the driver is running it again because the answer was lost.
        if ((await run(tx, 'curation_get', { id: curation.id })).length > 0) return toEntity(keepRow.entity);
        throw new GraphStoreError('NOT_FOUND', `no entity ${mergeId}`);
      }
      if (keepId === mergeId) throw new GraphStoreError('BAD_INPUT', 'an entity cannot be merged into itself');
      const keep = toEntity(keepRow.entity);
      const merged = toEntity(mergeRow.entity);
      if (keep.type !== merged.type) throw new GraphStoreError('BAD_INPUT', `cannot merge a ${merged.type} into a ${keep.type}`);

      // Relation ids derive from their endpoints, so every relation of the merged entity gets a
      // new id (which may be one the kept entity already has: then the two facts become one).
      const facts = new Map<string, Fact>();
      const moves: { fromId: string; toId: string }[] = [];
      const loops: string[] = [];
      const mergedRelations = await run(tx, 'entity_relations', { id: mergeId });
      const undo = await this.mergeUndo(tx, keep, merged, mergedRelations.map((row) => (row.relation as { id: string }).id));
      for (const row of mergedRelations) {
        const r = row.relation as { id: string; type: RelationType; amountCny?: number | null; role?: MemberRole | null; seq?: number | null };
        const ends = [row.from, row.to].map((end) => (end === mergeId ? keepId : (end as string)));
        if (ends[0] === ends[1]) {
          // A relation between the two would relate the kept entity to itself: it goes, with its evidence.
          loops.push(r.id);
          continue;
        }
        const [from, to] = orientRelation(r.type, ends[0], ends[1]);
        const id = relationIdOf(r.type, from, to);
        // Export pages relations by seq: every relation keeps one.
        const fact = facts.get(id) ?? { id, type: r.type, from, to, amountCny: null, role: null, seq: int(r.seq ?? Date.now() * 1000) };
        combine(fact, r.amountCny, r.role);
        facts.set(id, fact);
        moves.push({ fromId: r.id, toId: id });
      }
      if (facts.size) await run(tx, 'relations_upsert', { relations: [...facts.values()] });
      if (moves.length) {
        await run(tx, 'evidence_move', { moves });
        await run(tx, 'acceptance_move', { moves });
      }
      if (loops.length) await run(tx, 'relations_delete', { relationIds: loops });
      await run(tx, 'entity_move_mentions', { keepId, mergeId });
      const kept = (await this.addNames(tx, new Map([[keepId, [merged.name, ...merged.aliases]]]))).get(keepId)!;
      await run(tx, 'redirect_record', { keepId, mergeId });
      // DETACH also drops the merged entity's old relationships, whose evidence has moved on.
      await run(tx, 'entity_delete', { id: mergeId });
      await run(tx, 'curation_create', { ...curation, kind: 'merge', entityId: keepId, value: mergeId });
      await writeAudit(tx, entry, { kept: keep, merged, relationsMoved: moves.map((m) => m.fromId).concat(loops), undo }, { kept, redirect: { from: mergeId, to: keepId } });
      return kept;
    });
  }

  /** What an undo of this merge needs, read in the merge's transaction before anything moves. */
  private async mergeUndo(tx: ManagedTransaction, keep: Entity, merged: Entity, relationIds: string[]): Promise<MergeUndo> {
    const [head] = await run(tx, 'merge_undo_read', { keepId: keep.id, mergeId: merged.id });
    const mentions = (head?.mentions as string[] | undefined) ?? [];
    const keptMentions = new Set((head?.keptMentions as string[] | undefined) ?? []);
    const rels = relationIds.length ? (await run(tx, 'relations_get', { ids: unique(relationIds) })).map(toRelation) : [];
    const becomes = rels.map((r) => movedRelationId(r, keep.id, merged.id));
    const targets = unique(becomes.filter((x): x is string => x != null));
    const twins = new Map((targets.length ? (await run(tx, 'relations_get', { ids: targets })).map(toRelation) : []).map((r) => [r.id, r]));
    return {
      merged,
      keptAliases: keep.aliases,
      mentions,
      mentionsAdded: mentions.filter((a) => !keptMentions.has(a)),
      redirectsIn: (head?.redirectsIn as string[] | undefined) ?? [],
      relations: rels.map((r, i): MergedRelation => {
        const twin = becomes[i] == null ? undefined : twins.get(becomes[i]!);
        return {
          id: r.id, type: r.type, from: r.from, to: r.to, amountCny: r.amountCny ?? null, role: r.role ?? null,
          evidence: r.evidence.map((e) => ({ articleId: e.articleId, start: e.start, end: e.end, text: e.text })),
          becomes: becomes[i],
          joined: twin ? { amountCny: twin.amountCny ?? null, role: twin.role ?? null, evidence: twin.evidence.map((e) => ({ articleId: e.articleId, start: e.start, end: e.end })) } : null,
        };
      }),
    };
  }

  async mergePreview(keepId: string, mergeId: string): Promise<MergePreview> {
    return previewMerge(this, keepId, mergeId);
  }

  async unmergeEntities(keepId: string, mergeId: string, audit: ActorOptions = {}): Promise<Entity> {
    const entry = newAudit('unmerge', mergeId, audit);
    return this.write(async (tx) => {
      const merges = (await run(tx, 'audit_list', { after: '\uffff', actor: null, kind: 'merge', limit: int(1000) })).map((r) => toAuditEntry(r.entry));
      const { entry: mergeEntry, undo } = mergeToUndo(merges.filter((e) => e.target === keepId), keepId, mergeId);
      const rows = await run(tx, 'entities_names', { ids: [keepId, mergeId] });
      const keepRow = rows.find((r) => (r.entity as Entity).id === keepId);
      const again = rows.find((r) => (r.entity as Entity).id === mergeId);
      if (again) {
        // This very undo committed, and the driver is running it again because the answer was lost.
        const [mine] = await run(tx, 'audit_list', { after: `${entry.id}\u0000`, actor: entry.actor, kind: 'unmerge', limit: int(1) });
        if (mine && toAuditEntry(mine.entry).id === entry.id) return toEntity(again.entity);
        throw new GraphStoreError('CONFLICT', `${mergeId} is in the graph again: the merge was undone already`);
      }
      if (!keepRow) throw new GraphStoreError('CONFLICT', `${keepId} is gone since the merge (merged or deleted): undo that first`);
      const keptBefore = toEntity(keepRow.entity);

      const aliases = aliasesAfterUndo(keptBefore.aliases, undo);
      const [keptRow] = await run(tx, 'entity_reset_names', { entity: { id: keepId, ...nameProps(keptBefore.name, aliases) } });
      const m = undo.merged;
      await run(tx, 'entities_create', { entities: [{ id: mergeId, type: m.type, name: m.name, ...nameProps(m.name, m.aliases) }] });
      await run(tx, 'entity_unmove_mentions', { keepId, mergeId, mentions: undo.mentions, mentionsAdded: undo.mentionsAdded });

      // Evidence the merge moved goes back; the pieces the kept relation had before stay with it.
      const pieces = undo.relations.flatMap((r) => {
        if (r.becomes == null) return [];
        const had = new Set((r.joined?.evidence ?? []).map((e) => `${e.articleId}|${e.start}|${e.end}`));
        return r.evidence
          .filter((e) => !had.has(`${e.articleId}|${e.start}|${e.end}`))
          .map((e) => ({ fromId: r.becomes!, toId: r.id, articleId: e.articleId, start: int(e.start), end: int(e.end) }));
      });
      const movedBack = new Set((pieces.length ? await run(tx, 'evidence_unmove', { pieces }) : []).map((row) => row.relationId as string));
      // A dropped relation (between the two) is stated again by its articles that still exist.
      const loopArticles = unique(undo.relations.filter((r) => r.becomes == null).flatMap((r) => r.evidence.map((e) => e.articleId)));
      const existing = new Set(loopArticles.length ? (await run(tx, 'articles_get', { ids: loopArticles })).map((row) => (row.article as { id: string }).id) : []);
      const back = undo.relations.filter((r) => (r.becomes == null ? r.evidence.some((e) => existing.has(e.articleId)) : movedBack.has(r.id)));
      const seq = Date.now() * 1000;
      if (back.length) {
        await run(tx, 'relations_upsert', { relations: back.map((r, i) => ({ id: r.id, type: r.type, from: r.from, to: r.to, amountCny: r.amountCny, role: r.role, seq: int(seq + i) })) });
      }
      for (const aid of existing) {
        const evidence = undo.relations
          .filter((r) => r.becomes == null)
          .flatMap((r) => r.evidence.filter((e) => e.articleId === aid).map((e) => ({ id: evidenceId(r.id, aid, e.start, e.end), relationId: r.id, text: e.text, start: int(e.start), end: int(e.end) })));
        await run(tx, 'evidence_create', { articleId: aid, evidence });
      }
      const targets = unique(undo.relations.map((r) => r.becomes).filter((x): x is string => x != null));
      if (targets.length) await run(tx, 'relations_delete_unevidenced', { relationIds: targets });
      const joined = undo.relations.filter((r) => r.joined && movedBack.has(r.id));
      if (joined.length) await run(tx, 'relations_set_facts', { relations: joined.map((r) => ({ id: r.becomes!, amountCny: r.joined!.amountCny, role: r.joined!.role })) });
      await run(tx, 'redirect_undo', { keepId, mergeId, redirectsIn: undo.redirectsIn });
      await run(tx, 'curation_delete', { kind: 'merge', entityId: keepId, value: mergeId });

      const restored: Entity = { id: mergeId, type: m.type, name: m.name, aliases: nameProps(m.name, m.aliases).aliases };
      const kept = keptRow ? toEntity(keptRow.entity) : keptBefore;
      await writeAudit(tx, entry, { kept: keptBefore, merge: mergeEntry.id }, { kept, restored, relationsRestored: back.map((r) => r.id) });
      return restored;
    });
  }

  async listCurations(): Promise<Curation[]> {
    const rows = await this.read((tx) => run(tx, 'curations_list', {}));
    return rows.map((r) => r.curation as Curation);
  }

  // ---- Saved views ---------------------------------------------------------------------------

  async saveView(input: SaveViewInput): Promise<SavedView> {
    const v = checkSaveView(input);
    // Fixed before the transaction, so a retried commit MERGEs onto the view it already wrote.
    viewCounter = (viewCounter + 1) % 1000;
    const params = { id: newViewId(), seq: int(Date.now() * 1000 + viewCounter), name: v.name, state: v.state, ownerHash: v.ownerHash, savedAt: new Date().toISOString() };
    const [row] = await this.write((tx) => run(tx, 'view_create', params));
    return toSavedView(row?.view);
  }

  async getView(id: string): Promise<StoredView | null> {
    const [row] = await this.read((tx) => run(tx, 'view_get', { id }));
    if (!row) return null;
    const v = row.view as { ownerHash: string };
    return { ...toSavedView(v), ownerHash: v.ownerHash };
  }

  async listViews(options: ViewPageOptions = {}): Promise<{ total: number; items: SavedView[] }> {
    const first = viewPageSize(options.first);
    return this.read(async (tx) => {
      const [head] = await run(tx, 'views_count', { after: options.after ?? '' });
      let before: unknown = int(Number.MAX_SAFE_INTEGER);
      if (options.after) {
        if (head?.afterSeq == null) throw new GraphStoreError('BAD_INPUT', `no saved view ${options.after} to page after`);
        before = int(Number(head.afterSeq));
      }
      const rows = await run(tx, 'views_list', { before, first: int(first) });
      return { total: Number(head?.total ?? 0), items: rows.map((r) => toSavedView(r.view)) };
    });
  }

  async deleteView(id: string, audit: ActorOptions = {}): Promise<boolean> {
    const entry = newAudit('delete-view', id, audit);
    return this.write(async (tx) => {
      const [found] = await run(tx, 'view_get', { id });
      if (!found) return false;
      const v = found.view as { name: string | null; savedAt: string; state: string };
      await run(tx, 'view_delete', { id });
      await writeAudit(tx, entry, { name: v.name ?? null, savedAt: v.savedAt, chars: v.state.length }, null);
      return true;
    });
  }

  // ---- Rejected facts -----------------------------------------------------------------------

  async rejectRelation(relId: string, options: RejectOptions): Promise<Rejection> {
    const reason = typeof options?.reason === 'string' ? options.reason.trim() : '';
    if (!reason) throw new GraphStoreError('BAD_INPUT', 'a rejection needs a reason');
    const piece = evidenceKey(options.evidence);
    const id = rejectionId(relId, piece);
    const at = new Date().toISOString();
    const entry = newAudit('reject', id, options);
    return this.write(async (tx) => {
      // Already rejected (or this very rejection committed and the driver runs it again).
      const [existing] = await run(tx, 'rejection_get', { id });
      if (existing) return toRejection(existing.rejection);
      const [live] = await run(tx, 'relations_get', { ids: [relId] });
      if (!live) throw new GraphStoreError('NOT_FOUND', `no relation ${relId} in the graph`);
      const relation = toRelation(live);
      let text: string | null = null;
      if (piece) {
        const ev = relation.evidence.find((e) => e.articleId === piece.articleId && e.start === piece.start && e.end === piece.end);
        if (!ev) throw new GraphStoreError('NOT_FOUND', `relation ${relId} has no evidence in ${piece.articleId} at ${piece.start}..${piece.end}`);
        text = ev.text;
        await run(tx, 'evidence_hold', { evidenceIds: [evidenceId(relId, piece.articleId, piece.start, piece.end)] });
        // A relation is in the graph because something states it: with no evidence left, it goes.
        if (relation.evidence.length === 1) await run(tx, 'relations_hold', { relationIds: [relId] });
      } else {
        await run(tx, 'relations_hold', { relationIds: [relId] });
      }
      const rejection = {
        id, relationId: relId, type: relation.type, fromId: relation.from, toId: relation.to,
        articleId: piece?.articleId ?? null, start: piece ? int(piece.start) : null, end: piece ? int(piece.end) : null, text,
        reason, at, actor: options.actor ?? null,
      };
      const [row] = await run(tx, 'rejection_merge', { rejection });
      const done = toRejection(row.rejection);
      const inGraph = (await run(tx, 'relations_get', { ids: [relId] })).length > 0;
      await writeAudit(tx, entry, { relation }, { rejection: done, inGraph });
      return done;
    });
  }

  async restoreRelation(relId: string, options: RestoreOptions = {}): Promise<Relation | null> {
    const id = rejectionId(relId, evidenceKey(options.evidence));
    const entry = newAudit('restore', id, options);
    const restored = await this.write(async (tx): Promise<boolean> => {
      const [rejected] = await run(tx, 'rejection_get', { id });
      if (!rejected) throw new GraphStoreError('NOT_FOUND', `no rejection ${id}`);
      await run(tx, 'rejection_delete', { id });
      const back = await this.restoreInTransaction(tx, relId);
      const [live] = back ? await run(tx, 'relations_get', { ids: [relId] }) : [];
      await writeAudit(tx, entry, { rejection: toRejection(rejected.rejection) }, { relation: live ? toRelation(live) : null });
      return back;
    });
    return restored ? ((await this.getRelations([relId]))[0] ?? null) : null;
  }

  /** Brings back what is held for the relation; false when it stays out of the graph. */
  private async restoreInTransaction(tx: ManagedTransaction, relId: string): Promise<boolean> {
    const still = await run(tx, 'rejections_of_relation', { relationId: relId });
    if (still.some((r) => r.articleId == null)) return false; // the whole relation is still rejected
    const stillRejected = still.map((r) => evidenceId(relId, r.articleId as string, Number(r.start), Number(r.end)));
    const [pending] = await run(tx, 'held_pending', { relationId: relId, stillRejected });
    if (Number(pending?.pending ?? 0) === 0) return true;
    if ((await run(tx, 'relations_get', { ids: [relId] })).length === 0) {
      const [held] = await run(tx, 'held_relation_get', { relationId: relId });
      if (!held) return false;
      const r = held.relation as { id: string; type: RelationType; fromId: string; toId: string; amountCny?: number | null; role?: MemberRole | null; seq?: number | null };
      const fact: Fact = { id: r.id, type: r.type, from: r.fromId, to: r.toId, amountCny: r.amountCny ?? null, role: r.role ?? null, seq: int(r.seq ?? Date.now() * 1000) };
      // An end merged away or deleted since: the fact stays held under its old id.
      if ((await run(tx, 'relations_upsert', { relations: [fact] })).length === 0) return false;
    }
    await run(tx, 'held_release', { relationId: relId, stillRejected });
    await run(tx, 'held_relation_forget', { relationId: relId });
    return true;
  }

  // ---- Review -------------------------------------------------------------------------------

  async acceptRelation(relId: string, audit: ActorOptions = {}): Promise<Relation> {
    const entry = newAudit('accept', relId, audit);
    return this.write(async (tx) => {
      const [row] = await run(tx, 'acceptance_merge', { relationId: relId, at: entry.at, actor: entry.actor });
      if (!row) throw new GraphStoreError('NOT_FOUND', `no relation ${relId} in the graph`);
      const [live] = await run(tx, 'relations_get', { ids: [relId] });
      const relation = toRelation(live);
      if (row.created) await writeAudit(tx, entry, null, { accepted: relation.accepted, confidence: relation.confidence, support: relation.support });
      return relation;
    });
  }

  async unacceptRelation(relId: string, audit: ActorOptions = {}): Promise<Relation | null> {
    const entry = newAudit('unaccept', relId, audit);
    return this.write(async (tx) => {
      const [row] = await run(tx, 'acceptance_delete', { relationId: relId });
      if (!row) throw new GraphStoreError('NOT_FOUND', `relation ${relId} is not accepted`);
      await writeAudit(tx, entry, { accepted: toAcceptance(row.accepted) }, null);
      const [live] = await run(tx, 'relations_get', { ids: [relId] });
      return live ? toRelation(live) : null;
    });
  }

  async reviewQueue(options: ReviewQueueOptions = {}): Promise<ReviewPage> {
    const o = reviewOptions(options);
    return this.read(async (tx) => {
      const filter = { types: o.types, threshold: o.threshold };
      const [count] = await run(tx, 'review_queue_count', filter);
      const rows = await run(tx, 'review_queue', { ...filter, after: o.after, limit: int(o.first) });
      const relations = new Map((await run(tx, 'relations_get', { ids: rows.map((r) => r.id as string) })).map((r) => {
        const relation = toRelation(r);
        return [relation.id, relation];
      }));
      return {
        total: Number(count?.total ?? 0),
        items: rows.flatMap((r) => {
          const relation = relations.get(r.id as string);
          const confidence = r.confidence == null ? null : Number(r.confidence);
          return relation ? [{ relation, cursor: encodeReviewCursor(reviewKey(confidence, Number(r.pieces), relation.id)) }] : [];
        }),
      };
    });
  }

  async auditLog(options: AuditPageOptions = {}): Promise<AuditEntry[]> {
    const first = bounded(options.first, STORE_BOUNDS.auditPage);
    const rows = await this.read((tx) =>
      run(tx, 'audit_list', { after: options.after ?? '\uffff', actor: options.actor ?? null, kind: options.kind ?? null, limit: int(first) }),
    );
    return rows.map((r) => toAuditEntry(r.entry));
  }

  async listRejections(options: RejectionPageOptions = {}): Promise<Rejection[]> {
    const first = bounded(options.first, STORE_BOUNDS.rejectionPage);
    const rows = await this.read((tx) => run(tx, 'rejections_list', { after: options.after ?? '', limit: int(first) }));
    return rows.map((r) => toRejection(r.rejection));
  }

  // ---- Whole graph --------------------------------------------------------------------------

  async stats(): Promise<GraphStats> {
    return this.read(async (tx) => {
      const [totals] = await run(tx, 'stats_totals', {});
      const [byLabel] = await run(tx, 'stats_entity_types', {});
      const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, Number(byLabel?.[t] ?? 0)])) as Record<EntityType, number>;
      const relationsByType = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
      for (const row of await run(tx, 'stats_relation_types', { types: [...RELATION_TYPES] })) {
        if (isRelationType(row.type)) relationsByType[row.type] = Number(row.count);
      }
      return {
        articles: Number(totals?.articles ?? 0),
        entities: Number(totals?.entities ?? 0),
        relations: Number(totals?.relations ?? 0),
        evidence: Number(totals?.evidence ?? 0),
        entitiesByType,
        relationsByType,
      };
    });
  }

  // ---- Backup and moving between stores ---------------------------------------------------------

  async *exportRecords(): AsyncGenerator<GraphRecord> {
    yield { kind: 'header', format: 'chain-atlas-graph', version: 1, exportedAt: new Date().toISOString(), store: 'neo4j', stats: await this.stats() };
    // Keyset pages (after the last key of the page before, in index order): each costs the same
    // wherever it falls, and a write between pages cannot make a row repeat or vanish. It is
    // not one snapshot, though: export from a quiet database, as for any online backup.
    let after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_articles', { after, limit: int(EXPORT_PAGE) }));
      for (const row of rows) {
        const a = row.article as Article;
        yield { kind: 'article', article: { id: a.id, title: a.title ?? null, date: a.date ?? null, source: a.source ?? null, url: a.url ?? null, file: a.file ?? null, text: a.text, loadedAt: a.loadedAt } };
      }
      if (rows.length < EXPORT_PAGE) break;
      after = (rows.at(-1)!.article as Article).id;
    }
    after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_entities', { after, limit: int(EXPORT_PAGE) }));
      for (const row of rows) yield { kind: 'entity', entity: toEntity(row.entity) };
      if (rows.length < EXPORT_PAGE) break;
      after = (rows.at(-1)!.entity as Entity).id;
    }
    after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_mentions', { after, limit: int(EXPORT_MENTION_PAGE) }));
      for (const row of rows) for (const articleId of row.articleIds as string[]) yield { kind: 'mention', entityId: row.entityId as string, articleId };
      if (rows.length < EXPORT_MENTION_PAGE) break;
      after = rows.at(-1)!.entityId as string;
    }
    let afterSeq = Number.MIN_SAFE_INTEGER;
    let afterId = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_relations', { afterSeq: int(afterSeq), afterId, limit: int(EXPORT_PAGE) }));
      for (const row of rows) {
        yield {
          kind: 'relation',
          relation: { id: row.id as string, type: row.type as RelationType, from: row.from as string, to: row.to as string, amountCny: (row.amountCny as number | null) ?? null, role: (row.role as MemberRole | null) ?? null },
        };
      }
      if (rows.length < EXPORT_PAGE) break;
      afterSeq = Number(rows.at(-1)!.seq);
      afterId = rows.at(-1)!.id as string;
    }
    after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_evidence', { after, limit: int(EXPORT_PAGE) }));
      for (const row of rows) {
        yield { kind: 'evidence', relationId: row.relationId as string, evidence: toEvidence(row) };
      }
      if (rows.length < EXPORT_PAGE) break;
      after = rows.at(-1)!.id as string;
    }
    after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_redirects', { after, limit: int(EXPORT_PAGE) }));
      for (const row of rows) yield { kind: 'redirect', fromId: row.fromId as string, toId: row.toId as string };
      if (rows.length < EXPORT_PAGE) break;
      after = rows.at(-1)!.fromId as string;
    }
    for (const curation of await this.listCurations()) yield { kind: 'curation', curation };
    after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_held_relations', { after, limit: int(EXPORT_PAGE) }));
      for (const row of rows) {
        const r = row.relation as { id: string; type: RelationType; fromId: string; toId: string; amountCny?: number | null; role?: MemberRole | null };
        yield { kind: 'held-relation', relation: { id: r.id, type: r.type, from: r.fromId, to: r.toId, amountCny: r.amountCny ?? null, role: r.role ?? null } };
      }
      if (rows.length < EXPORT_PAGE) break;
      after = (rows.at(-1)!.relation as { id: string }).id;
    }
    after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_held_evidence', { after, limit: int(EXPORT_PAGE) }));
      for (const row of rows) {
        yield { kind: 'held-evidence', relationId: row.relationId as string, evidence: toEvidence(row) };
      }
      if (rows.length < EXPORT_PAGE) break;
      after = rows.at(-1)!.id as string;
    }
    after = '';
    for (;;) {
      const page = await this.listRejections({ after, first: 1000 });
      for (const rejection of page) yield { kind: 'rejection', rejection };
      if (page.length < 1000) break;
      after = page.at(-1)!.id;
    }
    after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_acceptances', { after, limit: int(EXPORT_PAGE) }));
      for (const row of rows) yield { kind: 'acceptance', acceptance: toAcceptance(row.acceptance) };
      if (rows.length < EXPORT_PAGE) break;
      after = (rows.at(-1)!.acceptance as { relationId: string }).relationId;
    }
    after = '';
    for (;;) {
      const rows = await this.read((tx) => run(tx, 'export_audit', { after, limit: int(EXPORT_PAGE) }));
      for (const row of rows) yield { kind: 'audit', entry: toAuditEntry(row.entry) };
      if (rows.length < EXPORT_PAGE) break;
      after = (rows.at(-1)!.entry as { id: string }).id;
    }
  }

  async importRecords(records: AsyncIterable<GraphRecord>): Promise<ImportReport> {
    const [totals] = await this.read((tx) => run(tx, 'stats_totals', {}));
    if (Number(totals?.articles ?? 0) + Number(totals?.entities ?? 0) > 0) {
      throw new GraphStoreError('CONFLICT', 'import needs an empty graph; this database already holds articles or entities');
    }
    const report = emptyImportReport();
    // A million relations do not fit one transaction: batches go in their own, and a
    // failure part-way empties the database again, so the import is all or nothing.
    let batch: { name: ImportQuery; key: string; items: unknown[] } | null = null;
    const flush = async () => {
      if (!batch || batch.items.length === 0) return;
      const { name, key, items } = batch;
      const rows = await this.write((tx) => run(tx, name, { [key]: items } as never));
      // A row whose entity or article is missing is dropped by the MATCH in the query: the
      // count written must be the count sent, or the export was incomplete.
      const written = name === 'relations_upsert' ? rows.length : Number(rows[0]?.written ?? 0);
      if (written !== items.length) {
        throw new GraphStoreError('BAD_INPUT', `${items.length - written} of ${items.length} ${IMPORT_WHAT[name]} refer to an entity or article the import does not hold`);
      }
      const counted = IMPORT_REPORT[name];
      if (counted) report[counted] += written;
      batch = null;
    };
    const add = async (name: ImportQuery, key: string, item: unknown) => {
      if (batch && batch.name !== name) await flush();
      batch ??= { name, key, items: [] };
      batch.items.push(item);
      if (batch.items.length >= IMPORT_BATCH) await flush();
    };
    let seq = 0;
    let curationSeq = 0;
    try {
      for await (const rec of records) {
        switch (rec.kind) {
          case 'header':
            if (rec.version !== 1) throw new GraphStoreError('BAD_INPUT', `unsupported export version ${String(rec.version)}`);
            break;
          case 'article': {
            const a = rec.article;
            await add('import_articles', 'articles', { id: a.id, text: a.text, length: int(a.text.length), title: a.title ?? null, date: a.date ?? null, source: a.source ?? null, url: a.url ?? null, file: a.file ?? null, loadedAt: a.loadedAt ?? new Date().toISOString() });
            break;
          }
          case 'entity': {
            const e = rec.entity;
            if (!isEntityType(e.type)) throw new GraphStoreError('BAD_INPUT', `entity ${e.id}: unknown type ${String(e.type)}`);
            const props = nameProps(e.name, e.aliases);
            await add('import_entities', 'entities', { id: e.id, type: e.type, name: e.name, aliases: e.aliases, nameKeys: props.nameKeys, searchKeys: props.searchKeys, searchText: props.searchText });
            break;
          }
          case 'mention':
            await add('import_mentions', 'mentions', { entityId: rec.entityId, articleId: rec.articleId });
            break;
          case 'relation': {
            const r = rec.relation;
            if (!isRelationType(r.type)) throw new GraphStoreError('BAD_INPUT', `relation ${r.id}: unknown type ${String(r.type)}`);
            await add('relations_upsert', 'relations', { id: r.id, type: r.type, from: r.from, to: r.to, amountCny: r.amountCny ?? null, role: r.role ?? null, seq: int(++seq) });
            break;
          }
          case 'evidence': {
            const ev = rec.evidence;
            await add('import_evidence', 'evidence', { id: evidenceId(rec.relationId, ev.articleId, ev.start, ev.end), relationId: rec.relationId, articleId: ev.articleId, text: ev.text, start: int(ev.start), end: int(ev.end), rule: ev.rule ?? null, confidence: ev.confidence ?? null });
            break;
          }
          case 'redirect':
            await add('import_redirects', 'redirects', { fromId: rec.fromId, toId: rec.toId });
            break;
          case 'curation': {
            const c = rec.curation;
            const n = ++curationSeq;
            await add('import_curations', 'curations', { id: `cur:import:${n}`, seq: int(n), kind: c.kind, entityId: c.entityId, value: c.value, at: c.at });
            break;
          }
          case 'held-relation': {
            const r = rec.relation;
            await add('import_held_relations', 'relations', { id: r.id, type: r.type, fromId: r.from, toId: r.to, amountCny: r.amountCny ?? null, role: r.role ?? null, seq: int(++seq) });
            break;
          }
          case 'held-evidence': {
            const ev = rec.evidence;
            await add('import_held_evidence', 'evidence', { id: evidenceId(rec.relationId, ev.articleId, ev.start, ev.end), relationId: rec.relationId, articleId: ev.articleId, text: ev.text, start: int(ev.start), end: int(ev.end), rule: ev.rule ?? null, confidence: ev.confidence ?? null });
            break;
          }
          case 'acceptance': {
            const a = rec.acceptance;
            await add('import_acceptances', 'acceptances', { relationId: a.relationId, at: a.at, actor: a.actor ?? null });
            break;
          }
          case 'audit': {
            const a = rec.entry;
            await add('import_audit', 'entries', { id: a.id, kind: a.kind, at: a.at, actor: a.actor ?? null, target: a.target, before: JSON.stringify(a.before ?? null), after: JSON.stringify(a.after ?? null) });
            break;
          }
          case 'rejection': {
            const x = rec.rejection;
            await add('import_rejections', 'rejections', {
              id: x.id, relationId: x.relationId, type: x.type, fromId: x.from, toId: x.to,
              articleId: x.evidence?.articleId ?? null, start: x.evidence ? int(x.evidence.start) : null, end: x.evidence ? int(x.evidence.end) : null, text: x.evidence?.text ?? null,
              reason: x.reason, at: x.at, actor: x.actor ?? null,
            });
            break;
          }
        }
      }
      await flush();
      return report;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      try {
        await this.clearGraph();
      } catch (clearError) {
        // Said, not swallowed: the database now holds part of an import.
        throw new GraphStoreError(
          'STORE_FAILURE',
          `import failed (${reason}) and emptying the database again failed too (${clearError instanceof Error ? clearError.message : String(clearError)}): ` +
            'it holds part of the import; empty it (cypher/queries/graph_clear.cypher) before importing again',
        );
      }
      if (err instanceof GraphStoreError) throw err;
      throw new GraphStoreError('BAD_INPUT', `import failed, nothing was kept: ${reason}`);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

type ImportQuery =
  | 'import_articles'
  | 'import_entities'
  | 'import_mentions'
  | 'relations_upsert'
  | 'import_evidence'
  | 'import_redirects'
  | 'import_curations'
  | 'import_held_relations'
  | 'import_held_evidence'
  | 'import_rejections'
  | 'import_acceptances'
  | 'import_audit';

const IMPORT_WHAT: Record<ImportQuery, string> = {
  import_articles: 'articles',
  import_entities: 'entities',
  import_mentions: 'mentions',
  relations_upsert: 'relations',
  import_evidence: 'evidence records',
  import_redirects: 'redirects',
  import_curations: 'curations',
  import_held_relations: 'held relations',
  import_held_evidence: 'held evidence records',
  import_rejections: 'rejections',
  import_acceptances: 'acceptances',
  import_audit: 'audit entries',
};

const IMPORT_REPORT: Record<ImportQuery, keyof ImportReport | null> = {
  import_articles: 'articles',
  import_entities: 'entities',
  import_mentions: null,
  relations_upsert: 'relations',
  import_evidence: 'evidence',
  import_redirects: 'redirects',
  import_curations: 'curations',
  import_held_relations: null,
  import_held_evidence: null,
  import_rejections: 'rejections',
  import_acceptances: 'acceptances',
  import_audit: 'audit',
};
