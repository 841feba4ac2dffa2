import { describe, expect, it } from 'vitest';
import { bundleId, emptyState, leafBundles, reduce, type CanvasState } from './index';
import type { EntityRef, RelationData, RelationType } from '../types';

const ent = (id: string): EntityRef => ({ id, type: id.startsWith('d') ? 'DISTRICT' : 'ENTERPRISE', name: id, aliases: [] });
const rel = (id: string, from: string, to: string, type: RelationType): RelationData =>
  ({ id, type, from: ent(from), to: ent(to), amountCny: null, role: null }) as RelationData;

/**
 * A hub expanded: 12 suppliers (four of them also linked to a shared district, one to three
 * more entities) and 3 customers; and a ring of 40 others added by hand, to make the canvas big.
 */
function canvas(): CanvasState {
  const ring: EntityRef[] = [];
  const ringRels: RelationData[] = [];
  for (let i = 0; i < 40; i++) {
    ring.push(ent(`x${i}`));
    ringRels.push(rel(`r${i}`, `x${i}`, `x${(i + 1) % 40}`, 'COOPERATES_WITH'));
  }
  let s = reduce(emptyState, { type: 'add', entities: [ent('hub'), ent('dz'), ...ring], relations: ringRels });
  const nodes = [ent('hub')];
  const edges: RelationData[] = [];
  for (let i = 0; i < 12; i++) {
    nodes.push(ent(`s${i}`));
    edges.push(rel(`s${i}`, `s${i}`, 'hub', 'SUPPLIES'));
  }
  for (let i = 0; i < 3; i++) {
    nodes.push(ent(`c${i}`));
    edges.push(rel(`c${i}`, 'hub', `c${i}`, 'SUPPLIES'));
  }
  for (let i = 0; i < 4; i++) edges.push(rel(`l${i}`, `s${i}`, 'dz', 'LOCATED_IN'));
  edges.push(rel('m1', 's11', 'x1', 'COOPERATES_WITH'), rel('m2', 's11', 'x2', 'COOPERATES_WITH'), rel('m3', 's11', 'x3', 'COOPERATES_WITH'));
  s = reduce(s, { type: 'expand', origin: 'hub', subgraph: { nodes, edges, truncated: false } });
  return s;
}

describe('leaf bundles', () => {
  const none = new Set<string>();
  const opts = { fromNodes: 50, minLeaves: 8 };
  it('bundle what an expansion of a hub brought, by relation type, from a minimum number of leaves on a big enough canvas', () => {
    const s = canvas();
    const b = leafBundles(s, none, none, opts);
    // s11 has three other neighbours: not a leaf. c0–c2 are the same type but only 3 with s0–s10… together 14.
    expect(b.map((x) => [x.id, x.members.length])).toEqual([[bundleId('hub', 'SUPPLIES'), 14]]);
    expect(b[0]!.members).not.toContain('s11');
    expect(leafBundles(s, none, none, { fromNodes: 500 })).toEqual([]);
    expect(leafBundles(s, none, none, { ...opts, minLeaves: 20 })).toEqual([]);
  });

  it('leave out what the analyst opened, pinned, selected, expanded or filtered, and views', () => {
    const s = canvas();
    expect(leafBundles(s, none, new Set([bundleId('hub', 'SUPPLIES')]), opts)).toEqual([]);
    const touched = { ...s, pinned: ['s0', 's1'], selected: 's2', expansions: { ...s.expansions, s3: ['x5'] } };
    expect(leafBundles(touched, none, none, opts)[0]!.members).toHaveLength(10);
    expect(leafBundles(s, new Set(['s0', 's1', 's2', 's3', 's4', 's5', 's6']), none, opts)).toEqual([]);
    expect(leafBundles(s, new Set(['hub']), none, opts)).toEqual([]);
    expect(leafBundles({ ...s, view: { kind: 'district', id: 'dz' } }, none, none, opts)).toEqual([]);
  });
});
