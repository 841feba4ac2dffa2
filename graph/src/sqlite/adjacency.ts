import type Database from 'better-sqlite3';
import type { EntityType, RelationType } from '../model';
import { ENTITY_TYPES, RELATION_TYPES } from '../model';
import type { Step } from '../paths';

const TYPE_CODE = new Map<RelationType, number>(RELATION_TYPES.map((t, i) => [t, i + 1]));
const ENTITY_CODE = new Map<EntityType, number>(ENTITY_TYPES.map((t, i) => [t, i + 1]));

/**
 * Who is next to whom, in memory: every relation as two entries of a compressed sparse row
 * layout (about 16 MB per million relations). Walking a hub's forty thousand relations here
 * takes a fraction of a millisecond; through SQLite it takes tens. SQLite stays the truth:
 * the index is built from it on first use, follows this store's own writes, and is rebuilt
 * when another connection (a loader in another process) has committed since.
 */
export class AdjacencyIndex {
  private offsets = new Int32Array(1);
  private neighbours = new Int32Array(0);
  private edges = new Int32Array(0);
  /** 1 where the entry is the relation's source looking at its target (the chain view needs the direction). */
  private outgoing = new Uint8Array(0);
  /** Relation type code by relation number (0: no such relation). */
  private edgeTypes = new Uint8Array(0);
  private degrees = new Int32Array(0);
  /** Entity type code by entity number. */
  private entityTypes = new Uint8Array(0);
  private addedEntityTypes = new Map<number, number>();
  /** Relations added since the build, by node. */
  private added = new Map<number, (Step & { out: boolean })[]>();
  private addedTypes = new Map<number, number>();
  private addedCount = 0;
  private built = false;
  private dataVersion = -1;

  constructor(private readonly db: Database.Database) {}

  /** Forget everything: the next read rebuilds from SQLite (after deletes and merges). */
  invalidate(): void {
    this.built = false;
  }

  /** An entity this store has just committed. */
  addEntity(n: number, type: EntityType): void {
    if (this.built) this.addedEntityTypes.set(n, ENTITY_CODE.get(type)!);
  }

  /** A relation this store has just committed. */
  add(edge: number, type: RelationType, src: number, dst: number): void {
    if (!this.built) return;
    const code = TYPE_CODE.get(type)!;
    this.addedTypes.set(edge, code);
    for (const [a, b, out] of [
      [src, dst, true],
      [dst, src, false],
    ] as const) {
      const list = this.added.get(a) ?? [];
      list.push({ edge, node: b, out });
      this.added.set(a, list);
    }
    this.addedCount++;
    // Overlays are for the trickle of new articles; a bulk load is cheaper to rebuild once.
    if (this.addedCount > 50_000 + this.edgeTypes.length / 4) this.built = false;
  }

  /** Builds the index if it is missing or another connection has written since. */
  ensure(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.built && version === this.dataVersion) return;
    this.dataVersion = version;
    const entityTypes = new Uint8Array((this.db.prepare('SELECT coalesce(max(n), 0) FROM entities').pluck().get() as number) + 1);
    for (const [n, type] of this.db.prepare('SELECT n, type FROM entities').raw().iterate() as IterableIterator<[number, EntityType]>) {
      entityTypes[n] = ENTITY_CODE.get(type) ?? 0;
    }
    const maxNode = (this.db.prepare('SELECT coalesce(max(n), 0) FROM entities').pluck().get() as number) + 1;
    const maxEdge = (this.db.prepare('SELECT coalesce(max(n), 0) FROM relations').pluck().get() as number) + 1;
    const count = new Int32Array(maxNode + 1);
    const rows = this.db.prepare('SELECT n, src, dst, type FROM relations').raw();
    const edgeTypes = new Uint8Array(maxEdge);
    const list: number[] = [];
    for (const [n, src, dst, type] of rows.iterate() as IterableIterator<[number, number, number, RelationType]>) {
      count[src]++;
      count[dst]++;
      edgeTypes[n] = TYPE_CODE.get(type) ?? 0;
      list.push(n, src, dst);
    }
    const offsets = new Int32Array(maxNode + 1);
    for (let i = 1; i <= maxNode; i++) offsets[i] = offsets[i - 1] + count[i - 1];
    const fill = offsets.slice();
    const neighbours = new Int32Array(list.length / 3 * 2);
    const edges = new Int32Array(list.length / 3 * 2);
    const outgoing = new Uint8Array(list.length / 3 * 2);
    for (let i = 0; i < list.length; i += 3) {
      const [n, src, dst] = [list[i], list[i + 1], list[i + 2]];
      neighbours[fill[src]] = dst;
      outgoing[fill[src]] = 1;
      edges[fill[src]++] = n;
      neighbours[fill[dst]] = src;
      edges[fill[dst]++] = n;
    }
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.edges = edges;
    this.outgoing = outgoing;
    this.edgeTypes = edgeTypes;
    this.degrees = count;
    this.entityTypes = entityTypes;
    this.addedEntityTypes = new Map();
    this.added = new Map();
    this.addedTypes = new Map();
    this.addedCount = 0;
    this.built = true;
  }

  /**
   * The steps from a node, optionally only along relations of some types and to entities of
   * some types. Call `ensure()` first (once per traversal).
   */
  steps(node: number, types: ReadonlySet<RelationType> | null, entityTypes: ReadonlySet<EntityType> | null = null): Step[] {
    const codes = types ? new Set([...types].map((t) => TYPE_CODE.get(t)!)) : null;
    const entityCodes = entityTypes ? new Set([...entityTypes].map((t) => ENTITY_CODE.get(t)!)) : null;
    const out: Step[] = [];
    const consider = (edge: number, other: number, code: number) => {
      if (codes && !codes.has(code)) return;
      if (entityCodes && !entityCodes.has(this.entityTypeCode(other))) return;
      out.push({ edge, node: other, degree: this.degreeOf(other) });
    };
    if (node < this.offsets.length - 1) {
      for (let i = this.offsets[node]; i < this.offsets[node + 1]; i++) consider(this.edges[i], this.neighbours[i], this.edgeTypes[this.edges[i]]);
    }
    for (const step of this.added.get(node) ?? []) consider(step.edge, step.node, this.addedTypes.get(step.edge)!);
    return out;
  }

  /**
   * Calls `visit` for each relation of one type leaving (`out`) or entering the node, without
   * building step objects: the chain view counts hundreds of thousands of them. After `ensure()`.
   */
  directed(node: number, type: RelationType, out: boolean, visit: (edge: number, other: number) => void): void {
    const code = TYPE_CODE.get(type)!;
    const want = out ? 1 : 0;
    if (node < this.offsets.length - 1) {
      for (let i = this.offsets[node]; i < this.offsets[node + 1]; i++) {
        if (this.outgoing[i] === want && this.edgeTypes[this.edges[i]] === code) visit(this.edges[i], this.neighbours[i]);
      }
    }
    for (const step of this.added.get(node) ?? []) {
      if (step.out === out && this.addedTypes.get(step.edge) === code) visit(step.edge, step.node);
    }
  }

  /** Calls `visit` for every relation of a node, with its type and whether the node is its source. After `ensure()`. */
  each(node: number, visit: (edge: number, other: number, type: RelationType, out: boolean) => void): void {
    if (node < this.offsets.length - 1) {
      for (let i = this.offsets[node]; i < this.offsets[node + 1]; i++) visit(this.edges[i], this.neighbours[i], RELATION_TYPES[this.edgeTypes[this.edges[i]] - 1], this.outgoing[i] === 1);
    }
    for (const step of this.added.get(node) ?? []) visit(step.edge, step.node, RELATION_TYPES[this.addedTypes.get(step.edge)! - 1], step.out);
  }

  private entityTypeCode(n: number): number {
    return (n < this.entityTypes.length ? this.entityTypes[n] : 0) || (this.addedEntityTypes.get(n) ?? 0);
  }

  /** The entity type of a node, from memory (after `ensure()`). */
  typeOf(n: number): EntityType | undefined {
    return ENTITY_TYPES[this.entityTypeCode(n) - 1];
  }

  /** Relations of a node (after `ensure()`). */
  degreeOf(node: number): number {
    return (node < this.degrees.length ? this.degrees[node] : 0) + (this.added.get(node)?.length ?? 0);
  }
}
