import type {
  ArticleSummary,
  ClusterProfile,
  DistrictCount,
  DistrictProfile,
  Entity,
  EntityType,
  Figure,
  InvestorFigure,
  MemberEntry,
  MemberRole,
} from './model';

// The dashboards' figures, computed once from the facts each adapter reads its own way, so
// both stores answer the same numbers. Every figure keeps the ids of the relations it rests
// on: an analyst can open the sentences behind any bar.

/** Relation ids a figure carries (its `factCount` says how many there are in all). */
export const FIGURE_FACTS = 100;
export const PROFILE_TOP = 10;
export const PROFILE_MEMBERS = 50;
export const PROFILE_ARTICLES = 10;

export interface LocatedFact {
  relationId: string;
  entity: string;
  type: EntityType;
  /** Where it is: the district. */
  district: string;
}

export interface InvestmentFact {
  relationId: string;
  investor: string;
  project: string;
  amountCny: number | null;
  /** Date of the earliest article naming the project: the year the project counts in. */
  date: string | null;
}

export interface MembershipFact {
  relationId: string;
  enterprise: string;
  cluster: string;
  role: MemberRole | null;
}

export interface OperationFact {
  relationId: string;
  operator: string;
  platform: string;
}

export interface DistrictFacts {
  district: Entity;
  /**
   * The projects, clusters and platforms LOCATED_IN the district; a project's date is that of
   * the earliest article naming it (the year it counts in).
   */
  located: (LocatedFact & { date: string | null })[];
  /** Enterprises located in the district: only counted. */
  enterprises: number;
  /** INVESTS_IN into the district's projects, dated like their project. */
  investments: InvestmentFact[];
  /** MEMBER_OF into the district's clusters. */
  memberships: MembershipFact[];
  /** OPERATES into the district's platforms. */
  operations: OperationFact[];
  recentArticles: ArticleSummary[];
}

export interface ClusterFacts {
  cluster: Entity;
  memberships: MembershipFact[];
  /** LOCATED_IN of the cluster and of its members. */
  located: LocatedFact[];
  /** INVESTS_IN by the members, dated by the earliest article naming the project. */
  investments: InvestmentFact[];
  /** LOCATED_IN of the projects the members invest in. */
  projectsLocated: LocatedFact[];
  recentArticles: ArticleSummary[];
}

/** Ids the facts mention, for the adapter to read once. */
export function districtFactIds(f: DistrictFacts): string[] {
  return [
    ...new Set([
      ...f.located.map((l) => l.entity),
      ...f.investments.map((i) => i.investor),
      ...f.memberships.filter((m) => m.role === 'leader').map((m) => m.enterprise),
      ...f.operations.map((o) => o.operator),
    ]),
  ];
}

export function clusterFactIds(f: ClusterFacts): string[] {
  return [
    ...new Set([
      ...f.memberships.map((m) => m.enterprise),
      ...f.located.map((l) => l.district),
      ...f.investments.map((i) => i.investor),
      ...f.projectsLocated.map((l) => l.district),
    ]),
  ];
}

class Tally {
  amountCny = 0;
  readonly projects = new Set<string>();
  readonly relations = new Set<string>();
  add(project: string | null, amount: number | null, ...relationIds: string[]): this {
    if (project) this.projects.add(project);
    if (amount) this.amountCny += amount;
    for (const r of relationIds) this.relations.add(r);
    return this;
  }
  figure(): Figure {
    const ids = [...this.relations].sort();
    return { amountCny: this.amountCny, projects: this.projects.size, relationIds: ids.slice(0, FIGURE_FACTS), factCount: ids.length };
  }
}

function tallyBy<T>(): Map<T, Tally> & { at(key: T): Tally } {
  const m = new Map<T, Tally>() as Map<T, Tally> & { at(key: T): Tally };
  m.at = (key: T) => {
    let t = m.get(key);
    if (!t) m.set(key, (t = new Tally()));
    return t;
  };
  return m;
}

const yearOf = (date: string | null): string | null => (date && /^\d{4}/u.test(date) ? date.slice(0, 4) : null);
const minDate = (a: string | null, b: string | null) => (a == null ? b : b == null ? a : a < b ? a : b);
const byAmount = (a: Figure, b: Figure) => b.amountCny - a.amountCny || b.projects - a.projects;
const zh = (a: Entity, b: Entity) => a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id);

function entityOf(entities: Map<string, Entity>, id: string): Entity | null {
  return entities.get(id) ?? null;
}

/** Investment by year (of the earliest article naming the project) and by investor. */
function investmentFigures(
  investments: InvestmentFact[],
  projectDates: Map<string, string | null>,
  projectRelations: Map<string, string[]>,
  entities: Map<string, Entity>,
) {
  const total = new Tally();
  const byYear = tallyBy<string | null>();
  const byInvestor = tallyBy<string>();
  const firstDate = new Map(projectDates);
  for (const i of investments) firstDate.set(i.project, minDate(firstDate.get(i.project) ?? null, i.date));
  for (const [project, date] of firstDate) {
    const rels = projectRelations.get(project) ?? [];
    total.add(project, null, ...rels);
    byYear.at(yearOf(date)).add(project, null, ...rels);
  }
  for (const i of investments) {
    total.add(i.project, i.amountCny, i.relationId);
    byYear.at(yearOf(firstDate.get(i.project) ?? null)).add(i.project, i.amountCny, i.relationId);
    byInvestor.at(i.investor).add(i.project, i.amountCny, i.relationId);
  }
  const years = [...byYear.entries()]
    .map(([year, t]) => ({ year, ...t.figure() }))
    .sort((a, b) => (a.year ?? '9999').localeCompare(b.year ?? '9999'));
  const topInvestors: InvestorFigure[] = [...byInvestor.entries()]
    .flatMap(([id, t]) => {
      const enterprise = entityOf(entities, id);
      return enterprise ? [{ enterprise, ...t.figure() }] : [];
    })
    .sort((a, b) => byAmount(a, b) || zh(a.enterprise, b.enterprise))
    .slice(0, PROFILE_TOP);
  return { total: total.figure(), byYear: years, topInvestors };
}

export function computeDistrictProfile(f: DistrictFacts, entities: Map<string, Entity>): DistrictProfile {
  const projectDates = new Map<string, string | null>();
  const projectRelations = new Map<string, string[]>();
  const clusterIds = new Map<string, string>();
  const platformIds = new Map<string, string>();
  for (const l of f.located) {
    if (l.type === 'Project') {
      projectDates.set(l.entity, minDate(projectDates.get(l.entity) ?? null, l.date));
      (projectRelations.get(l.entity) ?? projectRelations.set(l.entity, []).get(l.entity)!).push(l.relationId);
    } else if (l.type === 'Cluster') clusterIds.set(l.entity, l.relationId);
    else if (l.type === 'Platform') platformIds.set(l.entity, l.relationId);
  }
  const investments = f.investments.filter((i) => projectDates.has(i.project));
  const { total, byYear, topInvestors } = investmentFigures(investments, projectDates, projectRelations, entities);

  // By the district's own clusters the investors belong to (one in two counts in both);
  // investors in none of them make one bar of their own.
  const clustersOf = new Map<string, MembershipFact[]>();
  for (const m of f.memberships) {
    if (clusterIds.has(m.cluster)) (clustersOf.get(m.enterprise) ?? clustersOf.set(m.enterprise, []).get(m.enterprise)!).push(m);
  }
  const membersOf = new Map<string, MembershipFact[]>();
  for (const m of f.memberships) (membersOf.get(m.cluster) ?? membersOf.set(m.cluster, []).get(m.cluster)!).push(m);
  const operationsOf = new Map<string, OperationFact[]>();
  for (const o of f.operations) (operationsOf.get(o.platform) ?? operationsOf.set(o.platform, []).get(o.platform)!).push(o);
  const byClusterTally = tallyBy<string | null>();
  for (const i of investments) {
    const ms = clustersOf.get(i.investor) ?? [];
    if (ms.length === 0) byClusterTally.at(null).add(i.project, i.amountCny, i.relationId);
    for (const m of ms) byClusterTally.at(m.cluster).add(i.project, i.amountCny, i.relationId, m.relationId);
  }
  const byCluster = [...byClusterTally.entries()]
    .map(([id, t]) => ({ cluster: id == null ? null : entityOf(entities, id), ...t.figure() }))
    .filter((c) => c.cluster !== null || byClusterTally.has(null))
    .sort((a, b) => byAmount(a, b) || (a.cluster && b.cluster ? zh(a.cluster, b.cluster) : a.cluster ? -1 : 1));

  const clusters = [...clusterIds.entries()]
    .flatMap(([id, locatedRel]) => {
      const cluster = entityOf(entities, id);
      if (!cluster) return [];
      const ms = membersOf.get(id) ?? [];
      const leaderFacts = ms.filter((m) => m.role === 'leader');
      const leaders = [...new Set(leaderFacts.map((m) => m.enterprise))].map((e) => entityOf(entities, e)).filter((e): e is Entity => !!e).sort(zh);
      const ids = [locatedRel, ...leaderFacts.map((m) => m.relationId)].sort();
      return [{ cluster, leaders, members: new Set(ms.map((m) => m.enterprise)).size, relationIds: ids.slice(0, FIGURE_FACTS), factCount: ids.length }];
    })
    .sort((a, b) => b.leaders.length - a.leaders.length || b.members - a.members || zh(a.cluster, b.cluster));

  const platforms = [...platformIds.entries()]
    .flatMap(([id, locatedRel]) => {
      const platform = entityOf(entities, id);
      if (!platform) return [];
      const ops = operationsOf.get(id) ?? [];
      const operators = [...new Set(ops.map((o) => o.operator))].map((e) => entityOf(entities, e)).filter((e): e is Entity => !!e).sort(zh);
      const ids = [locatedRel, ...ops.map((o) => o.relationId)].sort();
      return [{ platform, operators, relationIds: ids.slice(0, FIGURE_FACTS), factCount: ids.length }];
    })
    .sort((a, b) => b.operators.length - a.operators.length || zh(a.platform, b.platform));

  return {
    district: f.district,
    total,
    enterprises: f.enterprises,
    byYear,
    byCluster,
    topInvestors,
    clusters,
    platforms,
    recentArticles: f.recentArticles.slice(0, PROFILE_ARTICLES),
  };
}

export function computeClusterProfile(f: ClusterFacts, entities: Map<string, Entity>, degrees: Map<string, number>): ClusterProfile {
  const roleOf = new Map<string, { role: MemberRole | null; relationId: string }>();
  for (const m of f.memberships) roleOf.set(m.enterprise, { role: m.role, relationId: m.relationId });
  const entry = (id: string): MemberEntry[] => {
    const enterprise = entityOf(entities, id);
    const m = roleOf.get(id)!;
    return enterprise ? [{ enterprise, role: m.role, relationIds: [m.relationId], factCount: 1 }] : [];
  };
  const memberIds = [...roleOf.keys()];
  const leaders = memberIds.filter((id) => roleOf.get(id)!.role === 'leader').flatMap(entry).sort((a, b) => zh(a.enterprise, b.enterprise));
  const members = memberIds
    .sort((a, b) => (degrees.get(b) ?? 0) - (degrees.get(a) ?? 0) || a.localeCompare(b))
    .slice(0, PROFILE_MEMBERS)
    .flatMap(entry);

  const districtTally = new Map<string, { enterprises: Set<string>; home: boolean; relations: string[] }>();
  for (const l of f.located) {
    const t = districtTally.get(l.district) ?? { enterprises: new Set<string>(), home: false, relations: [] };
    if (l.entity === f.cluster.id) t.home = true;
    else t.enterprises.add(l.entity);
    t.relations.push(l.relationId);
    districtTally.set(l.district, t);
  }
  const districts: DistrictCount[] = [...districtTally.entries()]
    .flatMap(([id, t]) => {
      const district = entityOf(entities, id);
      const ids = [...t.relations].sort();
      return district ? [{ district, enterprises: t.enterprises.size, home: t.home, relationIds: ids.slice(0, FIGURE_FACTS), factCount: ids.length }] : [];
    })
    .sort((a, b) => Number(b.home) - Number(a.home) || b.enterprises - a.enterprises || zh(a.district, b.district));

  const projectDates = new Map<string, string | null>();
  const investments = f.investments.filter((i) => roleOf.has(i.investor));
  const { total, byYear, topInvestors } = investmentFigures(investments, projectDates, new Map(), entities);

  const whereIs = new Map<string, LocatedFact[]>();
  for (const l of f.projectsLocated) (whereIs.get(l.entity) ?? whereIs.set(l.entity, []).get(l.entity)!).push(l);
  const byDistrictTally = tallyBy<string | null>();
  for (const i of investments) {
    const places = whereIs.get(i.project) ?? [];
    if (places.length === 0) byDistrictTally.at(null).add(i.project, i.amountCny, i.relationId);
    for (const p of places) byDistrictTally.at(p.district).add(i.project, i.amountCny, i.relationId, p.relationId);
  }
  const byDistrict = [...byDistrictTally.entries()]
    .map(([id, t]) => ({ district: id == null ? null : entityOf(entities, id), ...t.figure() }))
    .sort((a, b) => byAmount(a, b) || (a.district && b.district ? zh(a.district, b.district) : a.district ? -1 : 1));

  return {
    cluster: f.cluster,
    memberCount: memberIds.length,
    leaders,
    members,
    districts,
    total,
    byYear,
    byDistrict,
    topInvestors,
    recentArticles: f.recentArticles.slice(0, PROFILE_ARTICLES),
  };
}
