import { createHash, randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { schemaStatements } from '@chain-atlas/cypher';
import type {
  Article,
  ArticleExtraction,
  ArticleSummary,
  Entity,
  EntityDetails,
  EntityType,
  Evidence,
  GraphPath,
  GraphStats,
  MemberRole,
  Relation,
  RelationType,
  SearchHit,
  Subgraph,
  UpsertReport,
} from '../model';
import { ENTITY_TYPES, RELATION_ENDPOINTS, RELATION_TYPES, isEntityType, isRelationType } from '../model';
import { articleId as articleIdOf, canonicalName, entityId as entityIdOf, orientRelation, relationId as relationIdOf } from '../ids';
import type { AliasQuery, ArticleOutcome, Curation, EntityDetailOptions, GraphStore, NeighbourhoodOptions, PathOptions, RelationPageOptions, SearchOptions } from '../store';
import { GraphStoreError } from '../store';
import type { GraphRecord, ImportReport } from '../backup';
import { hasHan, matchScore, pinyinForms, pinyinScore, searchForm } from '../search-keys';
import type { Row } from './queries';
import { int, run } from './queries';

export interface Neo4jConnectionConfig {
  /** bolt://, neo4j:// or, for Aura and TLS clusters, neo4j+s:// */
  uri: string;
  username: string;
  password: string;
  /** The server's default database when absent. */
  database?: string;
}

const DEFAULT_SEARCH_LIMIT = 20;
const DEFAULT_NEIGHBOURHOOD_LIMIT = 200;
const MAX_DEPTH = 6;
const MAX_SEARCH_LIMIT = 200;
const DEFAULT_PATH_LENGTH = 4;
const DEFAULT_PATHS = 5;
// Both bounds must stay below the literals in paths_shortest.cypher (SHORTEST 64, {1,8}):
// Neo4j 5 takes no parameter there.
const MAX_PATH_LENGTH = 8;
const MAX_PATHS = 50;
const INDEX_WAIT_SECONDS = 120;

// ---- Names: what identity and search rest on ----------------------------------------------

interface NameProps {
  aliases: string[];
  nameKeys: string[];
  searchKeys: string[];
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
  return { aliases: kept, nameKeys: [...keys], searchKeys: [...searchKeys] };
}

// ---- Row shapes -----------------------------------------------------------------------------

function toEntity(row: unknown): Entity {
  const e = row as { id: string; type: EntityType; name: string; aliases?: string[] | null };
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [] };
}

function toRelation(row: Row): Relation {
  const r = row.relation as { id: string; type: RelationType; amountCny?: number | null; role?: MemberRole | null };
  const relation: Relation = {
    id: r.id,
    type: r.type,
    from: row.from as string,
    to: row.to as string,
    amountCny: r.amountCny === null || r.amountCny === undefined ? null : Number(r.amountCny),
    role: r.role ?? null,
    evidence: (row.evidence as Evidence[]).map((e) => ({ articleId: e.articleId, text: e.text, start: Number(e.start), end: Number(e.end) })),
  };
  return relation;
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
  return { score: Math.round((best.score + Math.min(4, Math.log10(1 + degree))) * 1000) / 1000, matched: best.matched };
}

/** Refuses an extraction that would put a wrong fact in the graph, before anything is written. */
function validateExtraction(extraction: ArticleExtraction): void {
  const text = extraction.article.text;
  const types = new Map<string, EntityType>();
  for (const e of extraction.entities) {
    if (!isEntityType(e.type)) throw new GraphStoreError('BAD_INPUT', `entity ${e.name}: unknown type ${String(e.type)}`);
    if (typeof e.name !== 'string' || !canonicalName(e.name)) throw new GraphStoreError('BAD_INPUT', `entity ${e.key}: empty name`);
    if (types.has(e.key)) throw new GraphStoreError('BAD_INPUT', `entity key ${e.key} used twice`);
    types.set(e.key, e.type);
  }
  for (const r of extraction.relations) {
    if (!isRelationType(r.type)) throw new GraphStoreError('BAD_INPUT', `unknown relation type ${String(r.type)}`);
    const from = types.get(r.from);
    const to = types.get(r.to);
    if (!from || !to) throw new GraphStoreError('BAD_INPUT', `${r.type} ${r.from} → ${r.to}: endpoint not among the entities`);
    const allowed = RELATION_ENDPOINTS[r.type];
    const fits =
      (allowed.from.includes(from) && allowed.to.includes(to)) ||
      (r.type === 'COOPERATES_WITH' && allowed.from.includes(to) && allowed.to.includes(from));
    if (!fits) throw new GraphStoreError('BAD_INPUT', `${r.type} cannot go from ${from} to ${to}`);
    const ev = r.evidence;
    if (!ev || !ev.text || !Number.isInteger(ev.start) || !Number.isInteger(ev.end) || text.slice(ev.start, ev.end) !== ev.text) {
      throw new GraphStoreError('BAD_INPUT', `${r.type} ${r.from} → ${r.to}: evidence is not the article's text at ${ev?.start}..${ev?.end}`);
    }
    if (r.amountCny != null && !(Number.isFinite(r.amountCny) && r.amountCny >= 0)) {
      throw new GraphStoreError('BAD_INPUT', `${r.type}: amountCny must be a non-negative number`);
    }
  }
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

// ---- The store ------------------------------------------------------------------------------

export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  /** Connects, checks the server answers, and applies the schema (idempotent). */
  static async connect(config: Neo4jConnectionConfig): Promise<Neo4jGraphStore> {
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
      // Counts and offsets come back as JS numbers; they never approach 2^53 here.
      disableLosslessIntegers: true,
      userAgent: 'chain-atlas',
    });
    const store = new Neo4jGraphStore(driver, config.database || undefined);
    try {
      await driver.verifyConnectivity({ database: store.database });
      await store.migrate();
    } catch (error) {
      await driver.close();
      throw storeFailure(error);
    }
    return store;
  }

  /** Wraps a driver the caller owns the configuration of (tests use a scripted one); no schema is applied. */
  static fromDriver(driver: Driver, database?: string): Neo4jGraphStore {
    return new Neo4jGraphStore(driver, database);
  }

  /** Creates the constraints and indexes that are missing and waits until they are online. */
  async migrate(): Promise<void> {
    // Schema commands cannot share a transaction with each other or with data writes.
    for (const statement of schemaStatements()) {
      await this.write((tx) => tx.run(statement).then(() => undefined));
    }
    await this.write((tx) => run(tx, 'schema_await', { timeoutSeconds: int(INDEX_WAIT_SECONDS) }));
  }

  /** Deletes every node and relationship of the database. For tests against a scratch database. */
  async clearGraph(): Promise<void> {
    await this.write((tx) => run(tx, 'graph_clear', {}));
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw storeFailure(error);
    } finally {
      await session.close();
    }
  }

  /** A managed write: the driver retries `work` on transient failures, so it must only build its result from what it reads. */
  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw storeFailure(error);
    } finally {
      await session.close();
    }
  }

  // ---- Articles -----------------------------------------------------------------------------

  /**
   * An existing entity for these names, in the SQLite store's order: its own id (through a
   * merge), then the one same-type entity carrying one of the names (an ambiguous name picks
   * none), then an alias's id that an analyst merged away.
   */
  private async resolveEntity(tx: ManagedTransaction, type: EntityType, name: string, aliases: readonly string[]): Promise<string | null> {
    const [direct] = await run(tx, 'entity_follow_redirect', { id: entityIdOf(type, name) });
    if (direct) return direct.id as string;
    const keys = [name, ...aliases].map(canonicalName).filter(Boolean);
    const idsByKey = new Map(
      (await run(tx, 'entities_by_name_keys', { nameKeys: unique(keys), type })).map((r) => [r.key as string, r.ids as string[]]),
    );
    for (const key of keys) {
      const ids = idsByKey.get(key);
      if (ids?.length === 1) return ids[0];
    }
    const aliasIds = aliases.filter((a) => canonicalName(a)).map((a) => entityIdOf(type, a));
    if (aliasIds.length === 0) return null;
    const redirected = new Map((await run(tx, 'redirects_get', { ids: aliasIds })).map((r) => [r.fromId as string, r.toId as string]));
    for (const id of aliasIds) {
      const to = redirected.get(id);
      if (to) return to;
    }
    return null;
  }

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

  async upsertArticle(extraction: ArticleExtraction): Promise<UpsertReport> {
    const { article } = extraction;
    if (typeof article?.text !== 'string' || !article.text) throw new GraphStoreError('BAD_INPUT', 'an article needs its text');
    if (!article.text.isWellFormed()) {
      throw new GraphStoreError('BAD_INPUT', 'the article text has a lone UTF-16 surrogate (broken Unicode); repair or re-encode it');
    }
    const id = article.id ?? articleIdOf(article.text);

    return this.write(async (tx) => {
      // Built afresh on every attempt: the driver may run this function again after a transient failure.
      const report: UpsertReport = {
        articleId: id,
        created: false,
        entitiesAdded: [],
        entitiesExisting: [],
        relationsAdded: [],
        relationsExisting: [],
        evidenceAdded: 0,
      };
      if ((await run(tx, 'articles_get', { ids: [id] })).length > 0) {
        // Same text, same article: say where its facts live and change nothing.
        const idOfKey = new Map<string, string>();
        for (const e of extraction.entities) {
          if (!isEntityType(e.type) || !canonicalName(e.name ?? '')) continue;
          const resolved = await this.resolveEntity(tx, e.type, e.name, e.aliases ?? []);
          if (resolved) idOfKey.set(e.key, resolved);
        }
        report.entitiesExisting = unique(idOfKey.values());
        for (const r of extraction.relations) {
          const from = idOfKey.get(r.from);
          const to = idOfKey.get(r.to);
          if (from && to && from !== to && isRelationType(r.type)) report.relationsExisting.push(relationIdOf(r.type, from, to));
        }
        report.relationsExisting = unique(report.relationsExisting);
        return report;
      }
      validateExtraction(extraction);
      report.created = true;

      await run(tx, 'article_create', {
        id,
        text: article.text,
        length: int(article.text.length),
        title: article.title ?? null,
        date: article.date ?? null,
        source: article.source ?? null,
        url: article.url ?? null,
        file: article.file ?? null,
        loadedAt: new Date().toISOString(),
      });

      const idOfKey = new Map<string, string>();
      for (const extracted of extraction.entities) {
        const name = extracted.name.trim();
        const aliases = extracted.aliases ?? [];
        const existing = await this.resolveEntity(tx, extracted.type, name, aliases);
        if (existing) {
          await this.addNames(tx, existing, [name, ...aliases]);
          idOfKey.set(extracted.key, existing);
          if (!report.entitiesAdded.includes(existing) && !report.entitiesExisting.includes(existing)) report.entitiesExisting.push(existing);
        } else {
          const ownId = entityIdOf(extracted.type, name);
          await run(tx, 'entity_create', { id: ownId, type: extracted.type, name, ...nameProps(name, aliases) });
          idOfKey.set(extracted.key, ownId);
          report.entitiesAdded.push(ownId);
        }
      }
      await run(tx, 'entities_mention', { articleId: id, entityIds: unique(idOfKey.values()) });

      // Several extracted relations can be one fact (same type and endpoints after resolution).
      const seqBase = Date.now() * 1000;
      const facts = new Map<string, Fact>();
      const evidence = new Map<string, { id: string; relationId: string; text: string; start: unknown; end: unknown }>();
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
        evidence.set(evId, { id: evId, relationId: relId, text: ev.text, start: int(ev.start), end: int(ev.end) });
      });
      if (facts.size > 0) {
        for (const row of await run(tx, 'relations_upsert', { relations: [...facts.values()] })) {
          (row.created ? report.relationsAdded : report.relationsExisting).push(row.id as string);
        }
        const [added] = await run(tx, 'evidence_create', { articleId: id, evidence: [...evidence.values()] });
        report.evidenceAdded = Number(added?.added ?? 0);
      }
      return report;
    });
  }

  async deleteArticle(id: string): Promise<boolean> {
    return this.write(async (tx) => {
      if ((await run(tx, 'articles_get', { ids: [id] })).length === 0) return false;
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
    const limit = Math.max(0, Math.min(Math.trunc(options.limit ?? 100), 10_000));
    const offset = Math.max(0, Math.trunc(options.offset ?? 0));
    return this.read(async (tx) => {
      const [count] = await run(tx, 'articles_count', {});
      const rows = await run(tx, 'articles_list', { offset: int(offset), limit: int(limit) });
      return { total: Number(count?.total ?? 0), items: rows.map((r) => toSummary(r.article)) };
    });
  }

  // ---- Entities and relations -------------------------------------------------------------

  async search(text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const form = searchForm(text ?? '');
    if (!/[\p{Script=Han}a-z0-9]/u.test(form)) return [];
    const limit = Math.max(1, Math.min(Math.trunc(options.limit ?? DEFAULT_SEARCH_LIMIT), MAX_SEARCH_LIMIT));
    const types = (options.types ?? []).filter(isEntityType);
    // Candidates are re-scored and filtered here, so fetch more than asked for.
    const candidateLimit = int(Math.max(limit * 5, 100));
    const lucene = luceneQuery(text);

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
      if (lucene) consider(await run(tx, 'search_fulltext', { lucene, types, limit: candidateLimit }));
      // The index cannot see one Han character, nor pinyin that starts inside a name: scan for those.
      if (!lucene || [...form].length <= 2 || scored.size < limit) {
        consider(await run(tx, 'search_contains', { text: form, types, limit: candidateLimit }));
      }
      return [...scored.values()];
    });

    return hits
      .sort((a, b) => b.score - a.score || a.entity.name.length - b.entity.name.length || a.entity.id.localeCompare(b.entity.id))
      .slice(0, limit);
  }

  async getEntity(id: string, options: EntityDetailOptions = {}): Promise<EntityDetails | null> {
    const relationLimit = Math.max(0, options.relationLimit ?? 500);
    const articleLimit = Math.max(0, options.articleLimit ?? 100);
    return this.read(async (tx) => {
      // An id merged away answers with the entity it went into.
      const [found] = await run(tx, 'entity_follow_redirect', { id });
      if (!found) return null;
      const entityId = found.id as string;
      const [row] = await run(tx, 'entities_get', { ids: [entityId] });
      const entity = toEntity(row.entity);
      const allRelationIds = (await run(tx, 'entity_relation_ids', { id: entityId })).map((r) => r.relationId as string);
      const relationIds = allRelationIds.slice(0, relationLimit);
      const relations = relationIds.length
        ? inOrder(relationIds, (await run(tx, 'relations_get', { ids: relationIds })).map(toRelation))
        : [];
      const allArticleIds = (await run(tx, 'entity_articles', { id: entityId })).map((r) => r.articleId as string);
      return { ...entity, relations, articleIds: allArticleIds.slice(0, articleLimit), articleCount: allArticleIds.length, degree: allRelationIds.length };
    });
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    if (ids.length === 0) return [];
    const rows = await this.read((tx) => run(tx, 'entities_get', { ids: unique(ids) }));
    return inOrder(ids, rows.map((r) => toEntity(r.entity)));
  }

  async relationsOf(id: string, options: RelationPageOptions = {}): Promise<{ total: number; items: Relation[] }> {
    const first = Math.max(0, Math.min(Math.trunc(options.first ?? 50), 10_000));
    const types = (options.types ?? []).filter(isRelationType);
    return this.read(async (tx) => {
      const [found] = await run(tx, 'entity_follow_redirect', { id });
      if (!found) return { total: 0, items: [] };
      // Relation ids are hex after a fixed prefix: Cypher and JavaScript sort them alike.
      const [row] = await run(tx, 'entity_relations_page', { id: found.id as string, types, after: options.after ?? '', first: int(first) });
      const pageIds = ((row?.page as string[] | undefined) ?? []).slice().sort();
      const items = pageIds.length ? inOrder(pageIds, (await run(tx, 'relations_get', { ids: pageIds })).map(toRelation)) : [];
      return { total: Number(row?.total ?? 0), items };
    });
  }

  async getRelations(ids: string[]): Promise<Relation[]> {
    if (ids.length === 0) return [];
    const rows = await this.read((tx) => run(tx, 'relations_get', { ids: unique(ids) }));
    return inOrder(ids, rows.map(toRelation));
  }

  async resolveNames(queries: AliasQuery[]): Promise<(string | null)[]> {
    if (queries.length === 0) return [];
    return this.read(async (tx) => {
      const answers: (string | null)[] = [];
      for (const q of queries) {
        const [first, ...rest] = q.names;
        answers.push(first && isEntityType(q.type) && canonicalName(first) ? await this.resolveEntity(tx, q.type, first, rest) : null);
      }
      return answers;
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
    const depth = Math.min(MAX_DEPTH, Math.max(0, Math.trunc(options.depth ?? 1)));
    const limit = Math.max(1, Math.min(Math.trunc(options.limit ?? DEFAULT_NEIGHBOURHOOD_LIMIT), 100_000));
    const entityTypes = (options.entityTypes ?? []).filter(isEntityType);
    const relationTypes = (options.relationTypes ?? []).filter(isRelationType);

    return this.read(async (tx) => {
      const seeds = inOrder(unique(ids), (await run(tx, 'entities_get', { ids: unique(ids) })).map((r) => toEntity(r.entity)));
      let truncated = seeds.length > limit;
      const visited = seeds.slice(0, limit).map((e) => e.id);
      const seen = new Set(visited);
      let frontier = visited;
      // Breadth first, so the nodes a limit cuts are the farthest ones.
      for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level++) {
        const next = (await run(tx, 'neighbourhood_expand', { frontier, relationTypes, entityTypes }))
          .map((r) => r.id as string)
          .filter((id) => !seen.has(id));
        const room = limit - visited.length;
        if (next.length > room) truncated = true;
        const taken = next.slice(0, Math.max(0, room));
        for (const id of taken) seen.add(id);
        visited.push(...taken);
        frontier = taken;
      }
      const nodes = inOrder(visited, (await run(tx, 'entities_get', { ids: visited })).map((r) => toEntity(r.entity)));
      // Every relation among the nodes found, not only the ones walked: the picture is of the subgraph.
      const edgeIds = (await run(tx, 'neighbourhood_edges', { ids: visited, relationTypes })).map((r) => r.relationId as string);
      const edges = edgeIds.length ? inOrder(edgeIds, (await run(tx, 'relations_get', { ids: edgeIds })).map(toRelation)) : [];
      return { nodes, edges, truncated };
    });
  }

  async paths(from: string, to: string, options: PathOptions = {}): Promise<GraphPath[]> {
    if (from === to) return [];
    const maxLength = Math.min(MAX_PATH_LENGTH, Math.max(1, Math.trunc(options.maxLength ?? DEFAULT_PATH_LENGTH)));
    const k = Math.min(MAX_PATHS, Math.max(1, Math.trunc(options.limit ?? DEFAULT_PATHS)));
    const relationTypes = (options.relationTypes ?? []).filter(isRelationType);

    return this.read(async (tx) => {
      const rows = await run(tx, 'paths_shortest', { from, to, relationTypes, maxLength: int(maxLength) });
      // SHORTEST walks trails (no relation twice), which may still pass a node twice; and two
      // relations between the same pair make two paths through the same nodes. Keep simple
      // paths, one per node sequence, as the SQLite store does.
      const chosen: { nodeIds: string[]; relationIds: string[] }[] = [];
      const sequences = new Set<string>();
      for (const row of rows) {
        const nodeIds = row.nodeIds as string[];
        const relationIds = row.relationIds as string[];
        const sequence = nodeIds.join('\u0000');
        if (relationIds.length > maxLength || new Set(nodeIds).size !== nodeIds.length || sequences.has(sequence)) continue;
        sequences.add(sequence);
        chosen.push({ nodeIds, relationIds });
        if (chosen.length === k) break;
      }
      if (chosen.length === 0) return [];
      const entityIds = unique(chosen.flatMap((p) => p.nodeIds));
      const relationIds = unique(chosen.flatMap((p) => p.relationIds));
      const entities = new Map((await run(tx, 'entities_get', { ids: entityIds })).map((r) => toEntity(r.entity)).map((e) => [e.id, e]));
      const relations = new Map((await run(tx, 'relations_get', { ids: relationIds })).map(toRelation).map((r) => [r.id, r]));
      return chosen.map((p) => ({
        nodes: p.nodeIds.map((id) => entities.get(id)!),
        edges: p.relationIds.map((id) => relations.get(id)!),
      }));
    });
  }

  // ---- Curation -----------------------------------------------------------------------------

  /** Adds names to an entity's aliases (those it does not already carry, by canonical form). */
  private async addNames(tx: ManagedTransaction, id: string, names: readonly string[]): Promise<Entity> {
    const [row] = await run(tx, 'entity_names', { id });
    if (!row) throw new GraphStoreError('NOT_FOUND', `no entity ${id}`);
    const current = row.entity as Entity & { nameKeys?: string[] };
    const props = nameProps(current.name, [...(current.aliases ?? []), ...names]);
    const known = new Set(current.nameKeys ?? []);
    if (props.nameKeys.every((key) => known.has(key))) return toEntity(current);
    const [updated] = await run(tx, 'entity_set_names', { id, ...props });
    return toEntity(updated.entity);
  }

  async addAlias(entityId: string, alias: string): Promise<Entity> {
    const clean = typeof alias === 'string' ? alias.trim() : '';
    if (!canonicalName(clean)) throw new GraphStoreError('BAD_INPUT', 'an alias cannot be empty');
    return this.write(async (tx) => {
      const entity = await this.addNames(tx, entityId, [clean]);
      await run(tx, 'curation_create', { id: randomUUID(), kind: 'alias', entityId, value: clean, at: new Date().toISOString() });
      return entity;
    });
  }

  async mergeEntities(keepId: string, mergeId: string): Promise<Entity> {
    return this.write(async (tx) => {
      const [keepRow] = await run(tx, 'entity_names', { id: keepId });
      const [mergeRow] = await run(tx, 'entity_names', { id: mergeId });
      if (!keepRow) throw new GraphStoreError('NOT_FOUND', `no entity ${keepId}`);
      if (!mergeRow) throw new GraphStoreError('NOT_FOUND', `no entity ${mergeId}`);
      if (keepId === mergeId) throw new GraphStoreError('BAD_INPUT', 'an entity cannot be merged into itself');
      const keep = toEntity(keepRow.entity);
      const merged = toEntity(mergeRow.entity);
      if (keep.type !== merged.type) throw new GraphStoreError('BAD_INPUT', `cannot merge a ${merged.type} into a ${keep.type}`);

      // Relation ids derive from their endpoints, so every relation of the merged entity gets a
      // new id (which may be one the kept entity already has: then the two facts become one).
      const facts = new Map<string, Fact>();
      const moves: { fromId: string; toId: string }[] = [];
      const loops: string[] = [];
      for (const row of await run(tx, 'entity_relations', { id: mergeId })) {
        const r = row.relation as { id: string; type: RelationType; amountCny?: number | null; role?: MemberRole | null; seq?: number | null };
        const ends = [row.from, row.to].map((end) => (end === mergeId ? keepId : (end as string)));
        if (ends[0] === ends[1]) {
          // A relation between the two would relate the kept entity to itself: it goes, with its evidence.
          loops.push(r.id);
          continue;
        }
        const [from, to] = orientRelation(r.type, ends[0], ends[1]);
        const id = relationIdOf(r.type, from, to);
        const fact = facts.get(id) ?? { id, type: r.type, from, to, amountCny: null, role: null, seq: r.seq == null ? null : int(r.seq) };
        combine(fact, r.amountCny, r.role);
        facts.set(id, fact);
        moves.push({ fromId: r.id, toId: id });
      }
      if (facts.size) await run(tx, 'relations_upsert', { relations: [...facts.values()] });
      if (moves.length) await run(tx, 'evidence_move', { moves });
      if (loops.length) await run(tx, 'relations_delete', { relationIds: loops });
      await run(tx, 'entity_move_mentions', { keepId, mergeId });
      const kept = await this.addNames(tx, keepId, [merged.name, ...merged.aliases]);
      await run(tx, 'redirect_record', { keepId, mergeId });
      // DETACH also drops the merged entity's old relationships, whose evidence has moved on.
      await run(tx, 'entity_delete', { id: mergeId });
      await run(tx, 'curation_create', { id: randomUUID(), kind: 'merge', entityId: keepId, value: mergeId, at: new Date().toISOString() });
      return kept;
    });
  }

  async listCurations(): Promise<Curation[]> {
    const rows = await this.read((tx) => run(tx, 'curations_list', {}));
    return rows.map((r) => r.curation as Curation);
  }

  // ---- Whole graph --------------------------------------------------------------------------

  async stats(): Promise<GraphStats> {
    return this.read(async (tx) => {
      const [totals] = await run(tx, 'stats_totals', {});
      const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
      for (const row of await run(tx, 'stats_entity_types', {})) {
        if (isEntityType(row.type)) entitiesByType[row.type] = Number(row.count);
      }
      const relationsByType = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
      for (const row of await run(tx, 'stats_relation_types', {})) {
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
    // Paged reads keep memory flat on a large graph; a concurrent write between pages can
    // show, so export from a quiet database (as for any online backup without a snapshot).
    const pages = async function* (store: Neo4jGraphStore, name: 'export_articles' | 'export_entities' | 'export_mentions' | 'export_relations' | 'export_evidence') {
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const rows = await store.read((tx) => run(tx, name, { offset: int(offset), limit: int(EXPORT_PAGE) }));
        yield* rows;
        if (rows.length < EXPORT_PAGE) return;
      }
    };
    for await (const row of pages(this, 'export_articles')) {
      const a = row.article as Article;
      yield { kind: 'article', article: { id: a.id, title: a.title ?? null, date: a.date ?? null, source: a.source ?? null, url: a.url ?? null, file: a.file ?? null, text: a.text, loadedAt: a.loadedAt } };
    }
    for await (const row of pages(this, 'export_entities')) yield { kind: 'entity', entity: toEntity(row.entity) };
    for await (const row of pages(this, 'export_mentions')) yield { kind: 'mention', entityId: row.entityId as string, articleId: row.articleId as string };
    for await (const row of pages(this, 'export_relations')) {
      yield {
        kind: 'relation',
        relation: { id: row.id as string, type: row.type as RelationType, from: row.from as string, to: row.to as string, amountCny: (row.amountCny as number | null) ?? null, role: (row.role as MemberRole | null) ?? null },
      };
    }
    for await (const row of pages(this, 'export_evidence')) {
      yield { kind: 'evidence', relationId: row.relationId as string, evidence: { articleId: row.articleId as string, text: row.text as string, start: Number(row.start), end: Number(row.end) } };
    }
    for (const row of await this.read((tx) => run(tx, 'export_redirects', {}))) {
      yield { kind: 'redirect', fromId: row.fromId as string, toId: row.toId as string };
    }
    for (const curation of await this.listCurations()) yield { kind: 'curation', curation };
  }

  async importRecords(records: AsyncIterable<GraphRecord>): Promise<ImportReport> {
    const [totals] = await this.read((tx) => run(tx, 'stats_totals', {}));
    if (Number(totals?.articles ?? 0) + Number(totals?.entities ?? 0) > 0) {
      throw new GraphStoreError('CONFLICT', 'import needs an empty graph; this database already holds articles or entities');
    }
    const report: ImportReport = { articles: 0, entities: 0, relations: 0, evidence: 0, redirects: 0, curations: 0 };
    // A million relations do not fit one transaction: batches go in their own, and a
    // failure part-way empties the database again, so the import is all or nothing.
    let batch: { name: ImportQuery; key: string; items: unknown[] } | null = null;
    const flush = async () => {
      if (!batch || batch.items.length === 0) return;
      const { name, key, items } = batch;
      await this.write((tx) => run(tx, name, { [key]: items } as never));
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
            report.articles++;
            break;
          }
          case 'entity': {
            const e = rec.entity;
            if (!isEntityType(e.type)) throw new GraphStoreError('BAD_INPUT', `entity ${e.id}: unknown type ${String(e.type)}`);
            const props = nameProps(e.name, e.aliases);
            await add('import_entities', 'entities', { id: e.id, type: e.type, name: e.name, aliases: e.aliases, nameKeys: props.nameKeys, searchKeys: props.searchKeys });
            report.entities++;
            break;
          }
          case 'mention':
            await add('import_mentions', 'mentions', { entityId: rec.entityId, articleId: rec.articleId });
            break;
          case 'relation': {
            const r = rec.relation;
            if (!isRelationType(r.type)) throw new GraphStoreError('BAD_INPUT', `relation ${r.id}: unknown type ${String(r.type)}`);
            await add('relations_upsert', 'relations', { id: r.id, type: r.type, from: r.from, to: r.to, amountCny: r.amountCny ?? null, role: r.role ?? null, seq: int(++seq) });
            report.relations++;
            break;
          }
          case 'evidence': {
            const ev = rec.evidence;
            await add('import_evidence', 'evidence', { id: evidenceId(rec.relationId, ev.articleId, ev.start, ev.end), relationId: rec.relationId, articleId: ev.articleId, text: ev.text, start: int(ev.start), end: int(ev.end) });
            report.evidence++;
            break;
          }
          case 'redirect':
            await add('import_redirects', 'redirects', { fromId: rec.fromId, toId: rec.toId });
            report.redirects++;
            break;
          case 'curation': {
            const c = rec.curation;
            await add('import_curations', 'curations', { id: randomUUID(), seq: int(++curationSeq), kind: c.kind, entityId: c.entityId, value: c.value, at: c.at });
            report.curations++;
            break;
          }
        }
      }
      await flush();
      return report;
    } catch (err) {
      await this.write((tx) => run(tx, 'graph_clear', {})).catch(() => undefined);
      if (err instanceof GraphStoreError) throw err;
      throw new GraphStoreError('BAD_INPUT', `import failed, nothing was kept: ${(err as Error).message}`);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

type ImportQuery = 'import_articles' | 'import_entities' | 'import_mentions' | 'relations_upsert' | 'import_evidence' | 'import_redirects' | 'import_curations';
const EXPORT_PAGE = 5_000;
const IMPORT_BATCH = 2_000;
