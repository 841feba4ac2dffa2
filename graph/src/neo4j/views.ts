import type { ManagedTransaction } from 'neo4j-driver';
import { chainFromWalk, chainOptions, walkChain, type ChainSource, type ChainStep } from '../chain';
import type {
  ArticleSummary,
  Chain,
  ClusterProfile,
  DistrictProfile,
  Entity,
  EntityType,
  MemberRole,
  RelationType,
} from '../model';
import { CHAIN_ROOT_TYPES } from '../model';
import {
  clusterFactIds,
  computeClusterProfile,
  computeDistrictProfile,
  districtFactIds,
  PROFILE_ARTICLES,
  type ClusterFacts,
  type DistrictFacts,
  type LocatedFact,
} from '../profile';
import type { ChainOptions } from '../store';
import { GraphStoreError } from '../store';
import { int, run } from './queries';
import { toRelation } from './rows';

// The chain view and the dashboards on Neo4j, apart from the adapter's core (store.ts) so the
// two can change independently. Every statement is a file in cypher/queries; the walk and the
// figures are the shared code both stores use (chain.ts, profile.ts).

function entityOf(row: unknown): Entity {
  const e = row as { id: string; type: EntityType; name: string; aliases?: string[] | null };
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [] };
}

interface Step {
  from: string;
  to: string;
  toType: EntityType;
  relationId: string;
  src: string;
  dst: string;
  degree: number;
}

async function steps(tx: ManagedTransaction, frontier: string[], types: RelationType[], direction: 'in' | 'out' | 'both'): Promise<Step[]> {
  if (frontier.length === 0) return [];
  const rows = await run(tx, 'chain_steps', { frontier, types, direction });
  return rows.map((r) => ({
    from: r.from as string,
    to: r.to as string,
    toType: r.toType as EntityType,
    relationId: r.relationId as string,
    src: r.src as string,
    dst: r.dst as string,
    degree: Number(r.degree ?? 0),
  }));
}

/** The id itself, or the one it was merged into; null when there is neither. */
async function canonical(tx: ManagedTransaction, id: string): Promise<Entity | null> {
  const [found] = await run(tx, 'entity_follow_redirect', { id });
  if (!found) return null;
  const [row] = await run(tx, 'entities_get', { ids: [found.id as string] });
  return row ? entityOf(row.entity) : null;
}

export async function neo4jChain(tx: ManagedTransaction, rootId: string, options: ChainOptions): Promise<Chain | null> {
  const root = await canonical(tx, rootId);
  if (!root) return null;
  if (!CHAIN_ROOT_TYPES.includes(root.type)) {
    throw new GraphStoreError('BAD_INPUT', `a chain starts from an Enterprise, Platform or Cluster, not a ${root.type}`);
  }
  const o = chainOptions(options);
  const degrees = new Map<string, number>();
  const asChain = (list: Step[]): ChainStep<string, string>[] =>
    list.map((s) => {
      degrees.set(s.to, s.degree);
      return { from: s.from, to: s.to, relation: s.relationId, src: s.src, dst: s.dst };
    });
  const source: ChainSource<string, string> = {
    supplies: async (frontier, direction) => asChain(await steps(tx, frontier, ['SUPPLIES'], direction === 'downstream' ? 'out' : 'in')),
    layer: async (nodes, type) => asChain(await steps(tx, nodes, [type], type === 'OPERATES' ? 'both' : 'out')),
    members: async (cluster) => asChain(await steps(tx, [cluster], ['MEMBER_OF'], 'in')),
    degree: (id) => degrees.get(id) ?? 0,
  };
  const walk = await walkChain(root.id, source, { ...o, rootIsCluster: root.type === 'Cluster' });
  const ids = walk.nodes.map((n) => n.key);
  const entities = new Map((await run(tx, 'entities_get', { ids })).map((r) => entityOf(r.entity)).map((e) => [e.id, e]));
  const relationIds = walk.relations.map((r) => r.relation);
  const relations = new Map(
    (relationIds.length ? await run(tx, 'relations_get', { ids: relationIds }) : []).map(toRelation).map((r) => [r.id, r]),
  );
  return chainFromWalk(root, o.depth, walk, entities, relations);
}

interface FactRow {
  id: string;
  from: string;
  fromType: EntityType;
  to: string;
  amountCny: number | null;
  role: MemberRole | null;
}

async function facts(tx: ManagedTransaction, relationIds: string[]): Promise<Map<string, FactRow>> {
  const ids = [...new Set(relationIds)];
  if (ids.length === 0) return new Map();
  const rows = await run(tx, 'relations_facts', { ids });
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id as string,
        from: r.from as string,
        fromType: r.fromType as EntityType,
        to: r.to as string,
        amountCny: r.amountCny == null ? null : Number(r.amountCny),
        role: (r.role as MemberRole | null) ?? null,
      },
    ]),
  );
}

/** The date of the earliest article naming each entity (a project counts in its year). */
async function firstMentions(tx: ManagedTransaction, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await run(tx, 'entities_first_mention', { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r.id as string, (r.date as string | null) ?? null]));
}

async function recentArticles(tx: ManagedTransaction, id: string): Promise<ArticleSummary[]> {
  const rows = await run(tx, 'entity_recent_articles', { id, limit: int(PROFILE_ARTICLES) });
  return rows.map((row) => {
    const a = row.article as Record<string, unknown>;
    const summary: ArticleSummary = { id: a.id as string, length: Number(a.length ?? 0) };
    for (const k of ['title', 'date', 'source', 'url', 'file'] as const) summary[k] = (a[k] as string | null | undefined) ?? null;
    if (a.loadedAt) summary.loadedAt = a.loadedAt as string;
    return summary;
  });
}

async function profileRoot(tx: ManagedTransaction, id: string, type: EntityType): Promise<Entity | null> {
  const root = await canonical(tx, id);
  if (root && root.type !== type) throw new GraphStoreError('BAD_INPUT', `${root.id} is a ${root.type}, not a ${type}`);
  return root;
}

async function entitiesById(tx: ManagedTransaction, ids: string[]): Promise<Map<string, Entity>> {
  if (ids.length === 0) return new Map();
  return new Map((await run(tx, 'entities_get', { ids })).map((r) => entityOf(r.entity)).map((e) => [e.id, e]));
}

export async function neo4jDistrictProfile(tx: ManagedTransaction, id: string): Promise<DistrictProfile | null> {
  const district = await profileRoot(tx, id, 'District');
  if (!district) return null;
  const allLocated = await steps(tx, [district.id], ['LOCATED_IN'], 'in');
  // Enterprises are only counted: a busy district has thousands.
  const located = allLocated.filter((l) => l.toType !== 'Enterprise');
  const ofType = (type: EntityType) => [...new Set(located.filter((l) => l.toType === type).map((l) => l.to))];
  const projects = ofType('Project');
  const investments = await steps(tx, projects, ['INVESTS_IN'], 'in');
  const memberships = await steps(tx, ofType('Cluster'), ['MEMBER_OF'], 'in');
  const operations = await steps(tx, ofType('Platform'), ['OPERATES'], 'in');
  const rows = await facts(tx, [...located, ...investments, ...memberships, ...operations].map((s) => s.relationId));
  const dates = await firstMentions(tx, projects);
  const rowsOf = (list: Step[]) => [...new Set(list.map((s) => s.relationId))].flatMap((rid) => (rows.has(rid) ? [rows.get(rid)!] : []));
  const f: DistrictFacts = {
    district,
    located: rowsOf(located).map((r) => ({ relationId: r.id, entity: r.from, type: r.fromType, district: r.to, date: dates.get(r.from) ?? null })),
    enterprises: new Set(allLocated.filter((l) => l.toType === 'Enterprise').map((l) => l.to)).size,
    investments: rowsOf(investments).map((r) => ({ relationId: r.id, investor: r.from, project: r.to, amountCny: r.amountCny, date: dates.get(r.to) ?? null })),
    memberships: rowsOf(memberships).map((r) => ({ relationId: r.id, enterprise: r.from, cluster: r.to, role: r.role })),
    operations: rowsOf(operations).map((r) => ({ relationId: r.id, operator: r.from, platform: r.to })),
    recentArticles: await recentArticles(tx, district.id),
  };
  return computeDistrictProfile(f, await entitiesById(tx, districtFactIds(f)));
}

export async function neo4jClusterProfile(tx: ManagedTransaction, id: string): Promise<ClusterProfile | null> {
  const cluster = await profileRoot(tx, id, 'Cluster');
  if (!cluster) return null;
  const memberships = await steps(tx, [cluster.id], ['MEMBER_OF'], 'in');
  const members = [...new Set(memberships.map((m) => m.to))];
  const located = await steps(tx, [cluster.id, ...members], ['LOCATED_IN'], 'out');
  const investments = await steps(tx, members, ['INVESTS_IN'], 'out');
  const projects = [...new Set(investments.map((i) => i.to))];
  const projectsLocated = await steps(tx, projects, ['LOCATED_IN'], 'out');
  const rows = await facts(tx, [...memberships, ...located, ...investments, ...projectsLocated].map((s) => s.relationId));
  const dates = await firstMentions(tx, projects);
  const rowsOf = (list: Step[]) => [...new Set(list.map((s) => s.relationId))].flatMap((rid) => (rows.has(rid) ? [rows.get(rid)!] : []));
  const locatedFact = (r: FactRow): LocatedFact => ({ relationId: r.id, entity: r.from, type: r.fromType, district: r.to });
  const f: ClusterFacts = {
    cluster,
    memberships: rowsOf(memberships).map((r) => ({ relationId: r.id, enterprise: r.from, cluster: r.to, role: r.role })),
    located: rowsOf(located).map(locatedFact),
    investments: rowsOf(investments).map((r) => ({ relationId: r.id, investor: r.from, project: r.to, amountCny: r.amountCny, date: dates.get(r.to) ?? null })),
    projectsLocated: rowsOf(projectsLocated).map(locatedFact),
    recentArticles: await recentArticles(tx, cluster.id),
  };
  const degrees = new Map(memberships.map((m) => [m.to, m.degree]));
  return computeClusterProfile(f, await entitiesById(tx, clusterFactIds(f)), degrees);
}
