// District and cluster views: which fetched entities belong, and how they nest as compound nodes.
import type { RelationData, SubgraphData } from './types';

export interface GroupedView {
  keep: Set<string>;
  parents: Record<string, string>;
}

/** Everything located in the district, grouped under the clusters its members belong to. */
export function districtView(districtId: string, g: SubgraphData): GroupedView {
  const keep = new Set<string>([districtId]);
  const parents: Record<string, string> = {};
  const located = g.edges.filter((e) => e.type === 'LOCATED_IN' && e.to.id === districtId).map((e) => e.from.id);
  for (const id of located) keep.add(id);
  const type = new Map(g.nodes.map((n) => [n.id, n.type]));
  const clusterOf = new Map<string, RelationData>();
  for (const e of g.edges) {
    if (e.type !== 'MEMBER_OF' || !keep.has(e.from.id)) continue;
    const prior = clusterOf.get(e.from.id);
    // One parent per node: a cluster where it leads wins over one where it is a member.
    if (!prior || (e.role === 'leader' && prior.role !== 'leader')) clusterOf.set(e.from.id, e);
  }
  for (const [member, e] of clusterOf) {
    keep.add(e.to.id);
    parents[member] = e.to.id;
  }
  for (const id of keep) {
    if (id === districtId || parents[id]) continue;
    if (type.get(id) === 'CLUSTER' || located.includes(id)) parents[id] = districtId;
  }
  return { keep, parents };
}

/** The cluster as a box holding its leaders and members; their projects and platforms beside it. */
export function clusterView(clusterId: string, g: SubgraphData): GroupedView {
  const keep = new Set<string>([clusterId]);
  const parents: Record<string, string> = {};
  for (const e of g.edges) {
    if (e.type === 'MEMBER_OF' && e.to.id === clusterId) {
      keep.add(e.from.id);
      parents[e.from.id] = clusterId;
    }
  }
  for (const e of g.edges) {
    if ((e.type === 'INVESTS_IN' || e.type === 'OPERATES') && parents[e.from.id] === clusterId) keep.add(e.to.id);
  }
  return { keep, parents };
}
