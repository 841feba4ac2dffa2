import { describe, expect, it } from 'vitest';
import { bundleId, emptyState, leafBundles, reduce, type CanvasState } from './index';
import type { EntityRef, RelationData, RelationType } from '../types';

const ent = (id: string): EntityRef => ({ id, type: id.startsWith('d') ? 'DISTRICT' : 'ENTERPRISE', name: id, aliases: [] });
const rel = (id: string, from: string, to: string, type: RelationType): RelationData =>
  ({ id, type, from: ent(from), to: ent(to), amountCny: null, role: null }) as RelationData;

/** A hub with 12 LOCATED_IN leaves and 3 SUPPLIES leaves, and a chain of others to make the canvas big. */
function canvas(): CanvasState {
  const entities = [ent('hub'), ent('x0')];
  const relations: RelationData[] = [];
  for (let i = 0; i < 12; i++) {
    entities.push(ent(`d${i}`));
    relations.push(rel(`l${i}`, 'hub', `d${i}`, 'LOCATED_IN'));
  }
  for (let i = 0; i < 3; i++) {
    entities.push(ent(`s${i}`));
    relations.push(rel(`s${i}`, `s${i}`, 'hub', 'SUPPLIES'));
  }
  // A ring: no leaves there.
  for (let i = 1; i < 40; i++) {
    entities.push(ent(`x${i}`));
    relations.push(rel(`r${i}`, `x${i - 1}`, `x${i}`, 'COOPERATES_WITH'));
  }
  relations.push(rel('r0', 'x39', 'x0', 'COOPERATES_WITH'), rel('rh', 'hub', 'x0', 'SUPPLIES'));
  return reduce(emptyState, { type: 'add', entities, relations });
}

describe('leaf bundles', () => {
  const none = new Set<string>();
  it('bundle a hub’s leaves by relation type, from a minimum number of leaves on a big enough canvas', () => {
    const s = canvas();
    const b = leafBundles(s, none, none, { fromNodes: 50, minLeaves: 8 });
    expect(b.map((x) => [x.id, x.members.length])).toEqual([[bundleId('hub', 'LOCATED_IN'), 12]]);
    expect(leafBundles(s, none, none, { fromNodes: 500 })).toEqual([]);
    expect(leafBundles(s, none, none, { fromNodes: 50, minLeaves: 3 }).map((x) => x.id)).toEqual([bundleId('hub', 'LOCATED_IN'), bundleId('hub', 'SUPPLIES')]);
  });

  it('leave out what the analyst opened, pinned, selected or filtered, and views', () => {
    const s = canvas();
    const opts = { fromNodes: 50, minLeaves: 8 };
    expect(leafBundles(s, none, new Set([bundleId('hub', 'LOCATED_IN')]), opts)).toEqual([]);
    const pinned = { ...s, pinned: ['d0', 'd1'], selected: 'd2' };
    expect(leafBundles(pinned, none, none, opts)[0]!.members).toHaveLength(9);
    expect(leafBundles(s, new Set(['l0', 'd1', 'd2', 'd3', 'd4', 'd5']), none, opts)).toEqual([]);
    expect(leafBundles({ ...s, view: { kind: 'district', id: 'd0' } }, none, none, opts)).toEqual([]);
  });
});
