import type {
  Article,
  ArticleExtraction,
  ArticleSummary,
  AuditKind,
  MergeOutcome,
  Entity,
  EntityType,
  Relation,
  RelationType,
  UpsertReport,
} from '@chain-atlas/graph';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_DEFAULTS as D, CHAIN_MAX_DEPTH, ENTITY_TYPES, GraphStoreError, RELATION_TYPES, STORE_BOUNDS, VIEW_STATE_MAX_CHARS, VIEWS_PAGE_MAX, articleId, auditId, combineConfidence, entityId, orientRelation, relationId, supportOf } from '@chain-atlas/graph';
import type { ClusterProfile, DistrictProfile, SavedView } from '@chain-atlas/graph';
import type { ApiContext } from './context';
import type { ClusterResolvers, Resolvers } from './generated/resolvers';
import { decodeCursor, decodeOffsetCursor, encodeCursor } from './cursor';
import { apiError, badInput, notFound, responseTooLarge } from './errors';
import { applyEdits, asArticleFailure, relationKey, type ArticleFailure } from './ingest';
import {
  aliasArg,
  amongArg,
  articleIdArg,
  articleInputArg,
  entityIdArg,
  entityIdsArg,
  evidenceKeyArg,
  intArg,
  reasonArg,
  relationFilterArg,
  relationIdArg,
  relationIdsArg,
  searchTextArg,
  timeArg,
  viewIdArg,
  viewInputArg,
  type ArticleEdits,
} from './validate';

/** GraphQL's enum values (DISTRICT) stand for the model's names (District). */
const ENTITY_TYPE_ENUM = Object.fromEntries(ENTITY_TYPES.map((t) => [t.toUpperCase(), t])) as Record<string, EntityType>;

// ---- what one request may read ---------------------------------------------------------

/**
 * Counts entities reached through unpaged lists as they are read. The cost estimate priced
 * each such list at a guess; on a hub the guess is wrong by thousands, and nested lists
 * multiply that, so the real count is what stops the request.
 */
function spendListItems(ctx: ApiContext, n: number): void {
  ctx.spent.listItems += n;
  if (ctx.spent.listItems > ctx.limits.maxListItems) {
    throw apiError('QUERY_TOO_COMPLEX', `the query reaches more than ${ctx.limits.maxListItems} entities through its lists`, {
      maxListItems: ctx.limits.maxListItems,
    });
  }
}

/** The answer's largest parts are article texts: counted as they are read, in UTF-8 bytes at most. */
function spendText(ctx: ApiContext, text: string): void {
  ctx.spent.textBytes += text.length * 3;
  if (ctx.spent.textBytes > ctx.limits.maxResponseBytes) throw responseTooLarge(ctx.limits.maxResponseBytes);
}

/**
 * Where an article's text may be asked for: the article itself, a page of articles, the
 * article just ingested. Not through evidence or an entity's articles, where one long
 * article would be copied once per relation or entity of the answer.
 */
const TEXT_PARENTS = new Set(['Query', 'ArticleEdge', 'IngestReport']);

// ---- reading around an entity ---------------------------------------------------------

/** The entities at the other end of this entity's relations of one type and direction. */
async function related(
  ctx: ApiContext,
  self: Entity,
  type: RelationType,
  direction: 'out' | 'in' | 'both',
  filter: (rel: Relation) => boolean = () => true,
): Promise<Entity[]> {
  const rels = (await ctx.loaders.relationsOf.load(self.id)).filter((r) => r.type === type && filter(r));
  const others = new Set<string>();
  for (const r of rels) {
    if ((direction === 'out' || direction === 'both') && r.from === self.id) others.add(r.to);
    if ((direction === 'in' || direction === 'both') && r.to === self.id) others.add(r.from);
  }
  spendListItems(ctx, others.size);
  const found = await ctx.loaders.entity.loadMany([...others]);
  return found
    .filter((e): e is Entity => e != null && !(e instanceof Error))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

const ofType = (type: EntityType) => (entities: Entity[]) => entities.filter((e) => e.type === type);

async function firstOf(entities: Promise<Entity[]>): Promise<Entity | null> {
  return (await entities)[0] ?? null;
}

function sum(values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

async function investments(ctx: ApiContext, project: Entity) {
  const rels = (await ctx.loaders.relationsOf.load(project.id)).filter((r) => r.type === 'INVESTS_IN' && r.to === project.id);
  spendListItems(ctx, rels.length);
  return rels.map((relation) => ({ relation, enterpriseId: relation.from, amountCny: relation.amountCny ?? null }));
}

/** The fields every Entity type answers alike (Cluster's stand for all five: the arguments are the same). */
const entityCommon: Pick<ClusterResolvers, 'relations' | 'degree' | 'articles' | 'summary'> = {
  relations: async (self, args, ctx) => {
    const first = intArg(args.first ?? D.relationsFirst, 'first', 0, ctx.limits.maxPageSize);
    const filter = relationFilterArg(args.filter);
    const types = args.types ?? (filter.relationTypes?.length ? filter.relationTypes : null);
    // The other end's type and the dates are the store's to filter on, over all of a hub's relations.
    const filtered = Boolean(filter.entityTypes?.length || filter.dateFrom || filter.dateTo);
    if (filtered || (await ctx.loaders.degree.load(self.id)) > ctx.hubDegree) {
      // A hub's page is read on its own: batching would bring all its relations to show a few.
      const after = args.after == null ? null : decodeCursor('relation', args.after);
      const page = await ctx.store.relationsOf(self.id, {
        types: types ?? undefined,
        entityTypes: filter.entityTypes ?? undefined,
        dateFrom: filter.dateFrom,
        dateTo: filter.dateTo,
        first: first + 1,
        after,
      });
      const items = page.items.slice(0, first);
      for (const rel of items) ctx.loaders.relation.prime(rel.id, rel);
      return {
        edges: items.map((node) => ({ cursor: encodeCursor('relation', node.id), node })),
        pageInfo: {
          hasNextPage: page.items.length > first,
          endCursor: items.length ? encodeCursor('relation', items[items.length - 1].id) : null,
        },
        totalCount: page.total,
      };
    }
    const all = (await ctx.loaders.relationsOf.load(self.id))
      .filter((r) => !types?.length || types.includes(r.type))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const after = args.after == null ? null : decodeCursor('relation', args.after);
    const rest = after == null ? all : all.filter((r) => r.id > after);
    const page = rest.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: encodeCursor('relation', node.id), node })),
      pageInfo: {
        hasNextPage: rest.length > page.length,
        endCursor: page.length ? encodeCursor('relation', page[page.length - 1].id) : null,
      },
      totalCount: all.length,
    };
  },
  degree: (self, _, ctx) => ctx.loaders.degree.load(self.id),
  summary: async (self, args, ctx) => {
    const s = await ctx.store.entitySummary(self.id, relationFilterArg(args.filter));
    if (!s) throw notFound(`no entity with id ${self.id}`);
    return {
      relationCount: s.relationCount,
      relationCounts: s.relationCounts,
      investmentTotalCny: s.investmentOutCny,
      investmentReceivedCny: s.investmentInCny,
      articleCount: s.articleCount,
    };
  },
  articles: async (self, _, ctx) => {
    const details = await ctx.loaders.details.load(self.id);
    spendListItems(ctx, details?.articleIds.length ?? 0);
    const found = await ctx.loaders.article.loadMany(details?.articleIds ?? []);
    return found.filter((a): a is Article => a != null && !(a instanceof Error));
  },
};

// ---- answers of the store, shaped for the schema ---------------------------------------

function connectionOfArticles(items: ArticleSummary[], offset: number, total: number) {
  return {
    edges: items.map((node, i) => ({ cursor: encodeCursor('article', offset + i + 1), node })),
    pageInfo: {
      hasNextPage: offset + items.length < total,
      endCursor: items.length ? encodeCursor('article', offset + items.length) : null,
    },
    totalCount: total,
  };
}

async function ingestionReport(ctx: ApiContext, report: UpsertReport) {
  const entities = async (ids: string[]) =>
    (await ctx.loaders.entity.loadMany(ids)).filter((e): e is Entity => e != null && !(e instanceof Error));
  const relations = async (ids: string[]) =>
    (await ctx.loaders.relation.loadMany(ids)).filter((r): r is Relation => r != null && !(r instanceof Error));
  return {
    ok: true,
    article: await ctx.loaders.article.load(report.articleId),
    created: report.created,
    entitiesAdded: await entities(report.entitiesAdded),
    entitiesExisting: await entities(report.entitiesExisting),
    relationsAdded: await relations(report.relationsAdded),
    relationsExisting: await relations(report.relationsExisting),
    evidenceAdded: report.evidenceAdded,
    errors: [],
  };
}

/** The extraction beside the graph: where each entity lands and which relations exist already. */
async function articlePreview(ctx: ApiContext, extraction: ArticleExtraction) {
  const text = extraction.article.text;
  const id = extraction.article.id ?? articleId(text);
  const landed = await ctx.store.resolveNames(extraction.entities.map((e) => ({ type: e.type, names: [e.name, ...e.aliases] })));
  const existing = await ctx.store.getEntities(landed.filter((x): x is string => x != null));
  const byId = new Map(existing.map((e) => [e.id, e]));
  const entities = extraction.entities.map((e, i) => {
    const found = landed[i] ? (byId.get(landed[i]!) ?? null) : null;
    return { key: e.key, type: e.type, name: e.name, aliases: e.aliases, rule: e.rule ?? null, id: found?.id ?? entityId(e.type, e.name), isNew: !found, existing: found };
  });
  const idOfKey = new Map(entities.map((e) => [e.key, e.id]));
  const relations = extraction.relations.map((r) => {
    const [from, to] = orientRelation(r.type, idOfKey.get(r.from)!, idOfKey.get(r.to)!);
    return { key: relationKey(r), id: relationId(r.type, from, to), type: r.type, from: r.from, to: r.to, amountCny: r.amountCny ?? null, role: r.role ?? null, evidence: r.evidence, rule: r.rule ?? null, confidence: r.confidence ?? null };
  });
  const known = new Set((await ctx.store.getRelations([...new Set(relations.map((r) => r.id))])).map((r) => r.id));
  return {
    ok: true,
    errors: [],
    articleId: id,
    alreadyLoaded: (await ctx.loaders.article.load(id)) != null,
    text,
    entities,
    relations: relations.map((r) => ({ ...r, existing: known.has(r.id) })),
  };
}

function failedIngestion(errors: ArticleFailure[]) {
  return {
    ok: false,
    article: null,
    created: false,
    entitiesAdded: [],
    entitiesExisting: [],
    relationsAdded: [],
    relationsExisting: [],
    evidenceAdded: 0,
    errors,
  };
}

/** The extraction with the analyst's corrections from the preview applied (see applyEdits). */
async function editedExtraction(ctx: ApiContext, extraction: ArticleExtraction, edits: ArticleEdits | null | undefined): Promise<ArticleExtraction> {
  if (!edits) return extraction;
  const targets = [...new Set(edits.attach.map((a) => a.entityId))];
  const found = await Promise.all(targets.map((id) => canonicalEntity(ctx, id)));
  const attached = new Map<string, Entity>();
  targets.forEach((id, i) => found[i] && attached.set(id, found[i]!));
  return applyEdits(extraction, edits, attached);
}

/** An id as the store knows it: a merged-away id becomes the id it was merged into. */
async function canonicalEntity(ctx: ApiContext, id: string): Promise<Entity | null> {
  return (await ctx.loaders.entity.load(id)) ?? (await ctx.loaders.details.load(id));
}

// ---- 产业链 views: the store's figures, shaped for the schema ----------------------------

interface FactsBehind {
  amountCny?: number;
  projects?: number;
  relationIds: string[];
  factCount: number;
}

/** Every figure the same way: its number(s) and the facts behind it. */
const figure = (f: FactsBehind) => ({ amountCny: f.amountCny ?? 0, projects: f.projects ?? 0, relationIds: f.relationIds, factCount: f.factCount });

function districtProfileShape(p: DistrictProfile) {
  return {
    district: p.district,
    total: figure(p.total),
    enterprises: p.enterprises,
    byYear: p.byYear.map((y) => ({ year: y.year, figure: figure(y) })),
    byCluster: p.byCluster.map((c) => ({ cluster: c.cluster, figure: figure(c) })),
    topInvestors: p.topInvestors.map((i) => ({ enterprise: i.enterprise, figure: figure(i) })),
    clusters: p.clusters.map((c) => ({ cluster: c.cluster, leaders: c.leaders, members: c.members, figure: figure(c) })),
    platforms: p.platforms.map((x) => ({ platform: x.platform, operators: x.operators, figure: figure(x) })),
    recentArticles: p.recentArticles,
  };
}

function clusterProfileShape(p: ClusterProfile) {
  const member = (m: ClusterProfile['members'][number]) => ({ enterprise: m.enterprise, role: m.role, figure: figure(m) });
  return {
    cluster: p.cluster,
    memberCount: p.memberCount,
    leaders: p.leaders.map(member),
    members: p.members.map(member),
    districts: p.districts.map((d) => ({ district: d.district, enterprises: d.enterprises, home: d.home, figure: figure(d) })),
    total: figure(p.total),
    byYear: p.byYear.map((y) => ({ year: y.year, figure: figure(y) })),
    byDistrict: p.byDistrict.map((d) => ({ district: d.district, figure: figure(d) })),
    topInvestors: p.topInvestors.map((i) => ({ enterprise: i.enterprise, figure: figure(i) })),
    recentArticles: p.recentArticles,
  };
}

const CHAIN_DIRECTION = { UPSTREAM: 'upstream', DOWNSTREAM: 'downstream', BOTH: 'both' } as const;
const AUDIT_KIND = {
  INGEST: 'ingest',
  ALIAS: 'alias',
  MERGE: 'merge',
  UNMERGE: 'unmerge',
  REJECT: 'reject',
  RESTORE: 'restore',
  DELETE_ARTICLE: 'delete-article',
  DELETE_VIEW: 'delete-view',
  ACCEPT: 'accept',
  UNACCEPT: 'unaccept',
} as const satisfies Record<string, AuditKind>;
const MERGE_OUTCOME = { MOVED: 'moved', JOINED: 'joined', DROPPED: 'dropped' } as const satisfies Record<string, MergeOutcome>;
const CURATION_KIND = { ALIAS: 'alias', MERGE: 'merge' } as const;

// ---- the resolvers ---------------------------------------------------------------------

export const resolvers: Resolvers = {
  EntityType: ENTITY_TYPE_ENUM,

  Entity: {
    __resolveType: (e) => e.type,
  },

  ChainDirection: CHAIN_DIRECTION,

  AuditKind: AUDIT_KIND,

  MergeOutcome: MERGE_OUTCOME,

  CurationKind: CURATION_KIND,

  Figure: {
    facts: async (f, args, ctx) => {
      const first = intArg(args.first ?? D.factsFirst, 'first', 0, ctx.limits.maxPageSize);
      const found = await ctx.loaders.relation.loadMany(f.relationIds.slice(0, first));
      return found.filter((r): r is Relation => r != null && !(r instanceof Error));
    },
  },

  District: {
    ...entityCommon,
    enterprises: (d, _, ctx) => related(ctx, d, 'LOCATED_IN', 'in').then(ofType('Enterprise')),
    clusters: (d, _, ctx) => related(ctx, d, 'LOCATED_IN', 'in').then(ofType('Cluster')),
    projects: (d, _, ctx) => related(ctx, d, 'LOCATED_IN', 'in').then(ofType('Project')),
    platforms: (d, _, ctx) => related(ctx, d, 'LOCATED_IN', 'in').then(ofType('Platform')),
    totalInvestmentCny: async (d, _, ctx) => {
      const projects = ofType('Project')(await related(ctx, d, 'LOCATED_IN', 'in'));
      const stakes = await Promise.all(projects.map((p) => investments(ctx, p)));
      return sum(stakes.flat().map((s) => s.amountCny)) ?? 0;
    },
  },

  Cluster: {
    ...entityCommon,
    district: (c, _, ctx) => firstOf(related(ctx, c, 'LOCATED_IN', 'out')),
    leaders: (c, _, ctx) => related(ctx, c, 'MEMBER_OF', 'in', (r) => r.role === 'leader'),
    members: (c, _, ctx) => related(ctx, c, 'MEMBER_OF', 'in'),
  },

  Enterprise: {
    ...entityCommon,
    districts: (e, _, ctx) => related(ctx, e, 'LOCATED_IN', 'out'),
    clusters: (e, _, ctx) => related(ctx, e, 'MEMBER_OF', 'out'),
    projects: (e, _, ctx) => related(ctx, e, 'INVESTS_IN', 'out'),
    platforms: (e, _, ctx) => related(ctx, e, 'OPERATES', 'out'),
    partners: (e, _, ctx) => related(ctx, e, 'COOPERATES_WITH', 'both'),
    suppliers: (e, _, ctx) => related(ctx, e, 'SUPPLIES', 'in'),
    customers: (e, _, ctx) => related(ctx, e, 'SUPPLIES', 'out').then(ofType('Enterprise')),
  },

  Platform: {
    ...entityCommon,
    operators: (p, _, ctx) => related(ctx, p, 'OPERATES', 'in'),
    district: (p, _, ctx) => firstOf(related(ctx, p, 'LOCATED_IN', 'out')),
    partners: (p, _, ctx) => related(ctx, p, 'COOPERATES_WITH', 'both'),
  },

  Project: {
    ...entityCommon,
    investors: (p, _, ctx) => investments(ctx, p),
    district: (p, _, ctx) => firstOf(related(ctx, p, 'LOCATED_IN', 'out')),
    amountCny: async (p, _, ctx) => sum((await investments(ctx, p)).map((s) => s.amountCny)),
  },

  Investment: {
    enterprise: async (i, _, ctx) => {
      const e = await ctx.loaders.entity.load(i.enterpriseId);
      if (!e) throw apiError('INTERNAL_SERVER_ERROR', `investor ${i.enterpriseId} is missing`);
      return e;
    },
  },

  Relation: {
    from: (r, _, ctx) => endpoint(ctx, r.from),
    to: (r, _, ctx) => endpoint(ctx, r.to),
    evidence: (r) => r.evidence.map((ev) => ({ ...ev, relation: r })),
    // Stores fill both; a relation built elsewhere (a chain's, a test's) gets them from its evidence.
    confidence: (r) => (r.confidence !== undefined ? r.confidence : combineConfidence(r.evidence.map((e) => e.confidence))),
    support: (r) => r.support ?? supportOf(r.evidence),
    accepted: (r) => r.accepted ?? null,
  },

  Evidence: {
    rule: (ev) => ev.rule ?? null,
    confidence: (ev) => ev.confidence ?? null,
    article: async (ev, _, ctx) => {
      const a = await ctx.loaders.article.load(ev.articleId);
      if (!a) throw apiError('INTERNAL_SERVER_ERROR', `article ${ev.articleId} of an evidence is missing`);
      return a;
    },
  },

  Article: {
    // A listing carries a summary without the text; the text is read only when asked for.
    text: async (a, _, ctx, info) => {
      let at = info.path.prev;
      while (at && typeof at.key === 'number') at = at.prev;
      if (!at?.typename || !TEXT_PARENTS.has(at.typename)) {
        throw badInput('an article\'s text is read with article(id) or articles, not through evidence or an entity\'s articles');
      }
      const text = 'text' in a && typeof a.text === 'string' ? a.text : ((await ctx.loaders.article.load(a.id))?.text ?? '');
      spendText(ctx, text);
      return text;
    },
    length: async (a, _, ctx) =>
      'length' in a && typeof a.length === 'number'
        ? a.length
        : 'text' in a && typeof a.text === 'string'
          ? a.text.length
          : ((await ctx.loaders.article.load(a.id))?.text.length ?? 0),
  },

  AuditEntry: {
    before: (e) => (e.before == null ? null : JSON.stringify(e.before)),
    after: (e) => (e.after == null ? null : JSON.stringify(e.after)),
  },

  Rejection: {
    fromId: (x) => x.from,
    toId: (x) => x.to,
    // The endpoints as they are now (through a merge), or null when they are gone.
    from: (x, _, ctx) => canonicalEntity(ctx, x.from),
    to: (x, _, ctx) => canonicalEntity(ctx, x.to),
  },

  RejectedEvidence: {
    article: (ev, _, ctx) => ctx.loaders.article.load(ev.articleId),
  },

  Curation: {
    entity: (c, _, ctx) => canonicalEntity(ctx, c.entityId),
  },

  Query: {
    view: async (_, args, ctx) => {
      const view = await ctx.store.getView(viewIdArg(args.id));
      if (!view) return null;
      spendText(ctx, view.state);
      return publicView(view);
    },

    views: async (_, args, ctx) => {
      const first = intArg(args.first ?? D.viewsFirst, 'first', 1, Math.min(ctx.limits.maxPageSize, VIEWS_PAGE_MAX));
      const after = args.after == null ? null : viewIdArg(args.after, 'after');
      const { total, items } = await ctx.store.listViews({ first, after });
      for (const v of items) spendText(ctx, v.state);
      return {
        edges: items.map((node) => ({ cursor: node.id, node })),
        // A full page may be the last; the total tells (a view saved meanwhile is newer, so not after the cursor).
        pageInfo: { hasNextPage: items.length === first && total > 0, endCursor: items.at(-1)?.id ?? null },
        totalCount: total,
      };
    },

    search: async (_, args, ctx) => {
      const query = searchTextArg(args.query);
      const first = intArg(args.first ?? D.searchFirst, 'first', 1, ctx.limits.maxPageSize);
      const types = args.types ?? undefined;
      const hits = await ctx.store.search(query, { types: types?.length ? types : undefined, limit: first });
      ctx.loaders.prime({ entities: hits.map((h) => h.entity) });
      return hits;
    },

    entity: async (_, args, ctx) => {
      const id = entityIdArg(args.id);
      return ctx.loaders.details.load(id);
    },

    neighbourhood: async (_, args, ctx) => {
      const ids = entityIdsArg(args.ids, ctx.limits);
      const depth = intArg(args.depth ?? D.neighbourhoodDepth, 'depth', 0, ctx.limits.maxNeighbourhoodDepth);
      const limit = intArg(args.limit ?? D.neighbourhoodLimit, 'limit', 1, ctx.limits.maxNeighbourhoodLimit);
      // Seeds may be ids of entities merged away since the client saw them.
      const known = await Promise.all(ids.map((id) => canonicalEntity(ctx, id)));
      const seeds = [...new Set(known.filter((e): e is Entity => e != null).map((e) => e.id))];
      if (seeds.length === 0) throw notFound(`no entity with id ${ids.join(', ')}`);
      const sub = await ctx.store.neighbourhood(seeds, {
        depth,
        limit,
        entityTypes: args.entityTypes ?? undefined,
        relationTypes: args.relationTypes ?? undefined,
      });
      ctx.loaders.prime({ entities: sub.nodes, relations: sub.edges });
      return sub;
    },

    paths: async (_, args, ctx) => {
      const fromId = entityIdArg(args.from, 'from');
      const toId = entityIdArg(args.to, 'to');
      const maxLength = intArg(args.maxLength ?? D.pathMaxLength, 'maxLength', STORE_BOUNDS.pathLength.min, Math.min(ctx.limits.maxPathLength, STORE_BOUNDS.pathLength.max));
      const first = intArg(args.first ?? D.pathsFirst, 'first', 1, Math.min(ctx.limits.maxPaths, ctx.limits.maxPageSize));
      const [from, to] = await Promise.all([canonicalEntity(ctx, fromId), canonicalEntity(ctx, toId)]);
      if (!from) throw notFound(`no entity with id ${fromId}`);
      if (!to) throw notFound(`no entity with id ${toId}`);
      const paths = await ctx.store.paths(from.id, to.id, {
        maxLength,
        limit: first,
        relationTypes: args.relationTypes ?? undefined,
        entityTypes: args.entityTypes ?? undefined,
        dateFrom: args.dateFrom ?? null,
        dateTo: args.dateTo ?? null,
        leaveOutShortcuts: args.leaveOutShortcuts ?? true,
      });
      for (const p of paths) ctx.loaders.prime({ entities: p.nodes, relations: p.edges });
      return paths;
    },

    articles: async (_, args, ctx) => {
      const first = intArg(args.first ?? D.articlesFirst, 'first', 0, ctx.limits.maxPageSize);
      const offset = args.after == null ? 0 : decodeOffsetCursor(args.after);
      const { total, items } = await ctx.store.listArticles({ limit: first, offset });
      return connectionOfArticles(items, offset, total);
    },

    article: async (_, args, ctx) => ctx.loaders.article.load(articleIdArg(args.id)),

    stats: async (_, __, ctx) => {
      const s = await ctx.store.stats();
      return {
        ...s,
        entitiesByType: ENTITY_TYPES.map((type) => ({ type, count: s.entitiesByType[type] ?? 0 })),
        relationsByType: RELATION_TYPES.map((type) => ({ type, count: s.relationsByType[type] ?? 0 })),
        store: ctx.store.kind,
      };
    },

    curations: (_, __, ctx) => ctx.store.listCurations(),

    previewArticle: async (_, args, ctx) => {
      const input = articleInputArg(args.input, ctx.limits);
      const meta = { title: input.title ?? null, date: input.date ?? null, source: input.source ?? null, url: input.url ?? null };
      let extraction: ArticleExtraction;
      try {
        extraction = await ctx.extract(input.text, meta);
      } catch (err) {
        const failure = asArticleFailure(err);
        if (failure) return { ok: false, errors: [failure], articleId: null, alreadyLoaded: false, text: null, entities: [], relations: [] };
        throw err;
      }
      return articlePreview(ctx, await editedExtraction(ctx, extraction, input.edits));
    },

    mergePreview: async (_, args, ctx) => {
      const keepId = entityIdArg(args.keepId, 'keepId');
      const mergeId = entityIdArg(args.mergeId, 'mergeId');
      return ctx.store.mergePreview(keepId, mergeId);
    },

    auditLog: async (_, args, ctx) => {
      const since = args.since == null ? null : timeArg(args.since, 'since');
      const until = args.until == null ? null : timeArg(args.until, 'until');
      // Entry ids are time-ordered, so 'until' is a bound on the id, and 'since' cuts the page short.
      let after = args.after == null ? null : relationIdArg(args.after, 'after');
      if (until != null) {
        const bound = auditId(until * 1000);
        if (after == null || bound < after) after = bound;
      }
      const entries = await ctx.store.auditLog({
        first: intArg(args.first ?? D.auditFirst, 'first', 0, ctx.limits.maxPageSize),
        after,
        actor: args.actor ?? null,
        kind: args.kind ?? null,
      });
      return since == null ? entries : entries.filter((e) => Date.parse(e.at) >= since);
    },

    reviewQueue: async (_, args, ctx) => {
      const first = intArg(args.first ?? D.reviewFirst, 'first', 0, Math.min(ctx.limits.maxPageSize, STORE_BOUNDS.reviewPage.max));
      const threshold = args.threshold ?? null;
      if (threshold != null && !(threshold >= 0 && threshold <= 1)) throw badInput('threshold is a confidence from 0 to 1');
      const after = args.after ?? null;
      if (after != null && after.length > 1000) throw badInput('after is not a review-queue cursor');
      // One more than asked: whether a next page exists, without counting again.
      const page = await ctx.store.reviewQueue({ first: first + 1, after, threshold, types: args.types ?? null });
      const items = page.items.slice(0, first);
      return { relations: items.map((i) => i.relation), total: page.total, endCursor: items.at(-1)?.cursor ?? null, hasNextPage: page.items.length > first };
    },

    rejections: (_, args, ctx) =>
      ctx.store.listRejections({
        first: intArg(args.first ?? D.rejectionsFirst, 'first', 0, ctx.limits.maxPageSize),
        after: args.after == null ? null : relationIdArg(args.after, 'after'),
      }),

    chain: async (_, args, ctx) => {
      const id = entityIdArg(args.id);
      const depth = intArg(args.depth ?? D.chainDepth, 'depth', 1, CHAIN_MAX_DEPTH);
      const limit = intArg(args.limit ?? D.chainLimit, 'limit', 1, ctx.limits.maxNeighbourhoodLimit);
      const root = await canonicalEntity(ctx, id);
      if (!root) throw notFound(`no entity with id ${id}`);
      const chain = await ctx.store.chain(root.id, {
        depth,
        limit,
        direction: args.direction ?? 'both',
        layers: args.layers ?? [],
      });
      if (!chain) throw notFound(`no entity with id ${id}`);
      ctx.loaders.prime({ entities: chain.nodes.map((n) => n.entity), relations: chain.edges.map((e) => e.relation) });
      return chain;
    },

    relations: async (_, args, ctx) => {
      const ids = relationIdsArg(args.ids, ctx.limits.maxPageSize);
      const found = await ctx.loaders.relation.loadMany(ids);
      return found.filter((r): r is Relation => r != null && !(r instanceof Error));
    },

    neighbours: async (_, args, ctx) => {
      const id = entityIdArg(args.id);
      const first = intArg(args.first ?? D.neighboursFirst, 'first', 1, ctx.limits.maxNeighbourhoodLimit);
      const after = args.after == null ? null : decodeCursor('neighbour', args.after);
      const filter = relationFilterArg({ relationTypes: args.relationTypes, entityTypes: args.entityTypes, dateFrom: args.dateFrom, dateTo: args.dateTo }, 'dateFrom');
      const among = amongArg(args.among, ctx.limits.maxListItems);
      const self = await canonicalEntity(ctx, id);
      if (!self) throw notFound(`no entity with id ${id}`);
      const page = await ctx.store.neighbours(self.id, { ...filter, first, after, among });
      ctx.loaders.prime({ entities: page.nodes, relations: page.edges });
      return {
        nodes: page.nodes,
        edges: page.edges,
        totalCount: page.total,
        pageInfo: { hasNextPage: page.next != null, endCursor: page.next == null ? null : encodeCursor('neighbour', page.next) },
      };
    },

    districts: async (_, __, ctx) => {
      const list = await ctx.store.districts();
      ctx.loaders.prime({ entities: list.map((d) => d.district) });
      return list;
    },

    districtProfile: async (_, args, ctx) => {
      const id = entityIdArg(args.id);
      const profile = await ctx.store.districtProfile(id);
      if (!profile) throw notFound(`no district with id ${id}`);
      return districtProfileShape(profile);
    },

    clusterProfile: async (_, args, ctx) => {
      const id = entityIdArg(args.id);
      const profile = await ctx.store.clusterProfile(id);
      if (!profile) throw notFound(`no cluster with id ${id}`);
      return clusterProfileShape(profile);
    },
  },

  Mutation: {
    ingestArticle: async (_, args, ctx) => {
      const input = articleInputArg(args.input, ctx.limits);
      const meta = { title: input.title ?? null, date: input.date ?? null, source: input.source ?? null, url: input.url ?? null };
      let report: UpsertReport;
      try {
        const extraction = await editedExtraction(ctx, await ctx.extract(input.text, meta), input.edits);
        report = await ctx.store.upsertArticle(extraction, { actor: ctx.actor ?? null });
      } catch (err) {
        const failure = asArticleFailure(err);
        if (failure) return failedIngestion([failure]);
        // The store refusing an extraction is a verdict on the article too; the write was
        // one transaction, so nothing of it is in the graph.
        if (err instanceof GraphStoreError && err.code === 'BAD_INPUT') {
          return failedIngestion([{ code: 'BAD_INPUT', message: err.message }]);
        }
        throw err;
      }
      ctx.loaders.clearAll();
      ctx.logger.info({ articleId: report.articleId, created: report.created, entitiesAdded: report.entitiesAdded.length }, 'article ingested');
      return ingestionReport(ctx, report);
    },

    addAlias: async (_, args, ctx) => {
      const typed = entityIdArg(args.entityId, 'entityId');
      const alias = aliasArg(args.alias);
      // An id merged away since the analyst saw it names the entity it was merged into.
      const id = (await canonicalEntity(ctx, typed))?.id ?? typed;
      const entity = await ctx.store.addAlias(id, alias, { actor: ctx.actor ?? null });
      ctx.loaders.clearAll();
      return entity;
    },

    mergeEntities: async (_, args, ctx) => {
      const [keep, merge] = await Promise.all(
        [entityIdArg(args.keepId, 'keepId'), entityIdArg(args.mergeId, 'mergeId')].map(async (id) => (await canonicalEntity(ctx, id)) ?? id),
      );
      const keepId = typeof keep === 'string' ? keep : keep.id;
      const mergeId = typeof merge === 'string' ? merge : merge.id;
      // A district is a place with its own boundaries, named by the gazetteer; two are never
      // one entity, and merging them would move one's enterprises and projects into the other.
      if (typeof keep !== 'string' && typeof merge !== 'string' && (keep.type === 'District' || merge.type === 'District')) {
        throw badInput('districts cannot be merged: each is a place of its own; add an alias instead', { argumentName: 'mergeId' });
      }
      const entity = await ctx.store.mergeEntities(keepId, mergeId, { actor: ctx.actor ?? null });
      ctx.loaders.clearAll();
      ctx.logger.info({ keepId, mergeId }, 'entities merged');
      return entity;
    },

    unmergeEntities: async (_, args, ctx) => {
      const keepId = entityIdArg(args.keepId, 'keepId');
      const mergeId = entityIdArg(args.mergeId, 'mergeId');
      const entity = await ctx.store.unmergeEntities(keepId, mergeId, { actor: ctx.actor ?? null });
      ctx.loaders.clearAll();
      ctx.logger.info({ keepId, mergeId, actor: ctx.actor ?? null }, 'merge undone');
      return entity;
    },

    saveView: async (_, args, ctx) => {
      const input = viewInputArg(args.input, VIEW_STATE_MAX_CHARS);
      // The author keeps the key; the store keeps only its hash, so a leaked database deletes nothing.
      const deleteKey = randomBytes(18).toString('base64url');
      const view = await ctx.store.saveView({ ...input, ownerHash: keyHash(deleteKey) });
      ctx.logger.info({ viewId: view.id, named: view.name != null, chars: view.state.length }, 'view saved');
      return { view, deleteKey };
    },

    deleteView: async (_, args, ctx) => {
      const id = viewIdArg(args.id);
      const view = await ctx.store.getView(id);
      if (!view) return false;
      const key = typeof args.deleteKey === 'string' ? args.deleteKey : '';
      const owner = key.length > 0 && timingSafeEqual(Buffer.from(keyHash(key)), Buffer.from(view.ownerHash));
      if (!owner && !ctx.authorized) {
        throw apiError('FORBIDDEN', "only whoever saved this view (with its deleteKey) or a curator (with 'Authorization: Bearer <CHAIN_ATLAS_TOKEN>') may delete it");
      }
      const deleted = await ctx.store.deleteView(id, { actor: ctx.actor ?? null });
      if (deleted) ctx.logger.info({ viewId: id, by: owner ? 'owner' : 'token' }, 'view deleted');
      return deleted;
    },

    rejectRelation: async (_, args, ctx) => {
      const relationId = relationIdArg(args.relationId);
      const rejection = await ctx.store.rejectRelation(relationId, { reason: reasonArg(args.reason), evidence: evidenceKeyArg(args.evidence), actor: ctx.actor ?? null });
      ctx.loaders.clearAll();
      ctx.logger.info({ relationId, rejection: rejection.id, actor: rejection.actor }, 'fact rejected');
      return rejection;
    },

    restoreRelation: async (_, args, ctx) => {
      const relationId = relationIdArg(args.relationId);
      const relation = await ctx.store.restoreRelation(relationId, { evidence: evidenceKeyArg(args.evidence), actor: ctx.actor ?? null });
      ctx.loaders.clearAll();
      ctx.logger.info({ relationId, restored: relation != null }, 'fact restored');
      return relation;
    },

    acceptRelation: async (_, args, ctx) => {
      const relationId = relationIdArg(args.relationId);
      const relation = await ctx.store.acceptRelation(relationId, { actor: ctx.actor ?? null });
      ctx.loaders.clearAll();
      ctx.logger.info({ relationId, actor: relation.accepted?.actor ?? null }, 'fact accepted');
      return relation;
    },

    unacceptRelation: async (_, args, ctx) => {
      const relationId = relationIdArg(args.relationId);
      const relation = await ctx.store.unacceptRelation(relationId, { actor: ctx.actor ?? null });
      ctx.loaders.clearAll();
      ctx.logger.info({ relationId }, 'acceptance undone');
      return relation;
    },

    deleteArticle: async (_, args, ctx) => {
      const id = articleIdArg(args.id);
      const deleted = await ctx.store.deleteArticle(id, { actor: ctx.actor ?? null });
      ctx.loaders.clearAll();
      if (deleted) ctx.logger.info({ articleId: id }, 'article deleted');
      return deleted;
    },
  },
};

const keyHash = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

function publicView(v: SavedView & { ownerHash?: string }): SavedView {
  return { id: v.id, name: v.name, state: v.state, savedAt: v.savedAt };
}

async function endpoint(ctx: ApiContext, id: string): Promise<Entity> {
  const e = await ctx.loaders.entity.load(id);
  if (!e) throw apiError('INTERNAL_SERVER_ERROR', `relation endpoint ${id} is missing`);
  return e;
}
