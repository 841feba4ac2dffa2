import type Database from 'better-sqlite3';

/** 2024-05-06 → 20240506; anything else (no date, a malformed one) → 0. */
function dayNumber(date: string | null): number {
  if (!date || !/^\d{4}-\d{2}-\d{2}/u.test(date)) return 0;
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/**
 * When each relation was stated, in memory: the earliest and latest date of the articles
 * stating it. A path search under a date range asks this of every relation it walks — a hub's
 * forty thousand among them — so one SQL query per relation would be the cost of the search.
 * Built from SQLite on first use; rebuilt after any write (this store's, or another
 * connection's commit), since a new article can date an old relation.
 */
export class EvidenceDates {
  private first = new Int32Array(0);
  private last = new Int32Array(0);
  /** How many dated pieces of evidence (capped at 255): with three or more, a date between first and last may exist. */
  private dated = new Uint8Array(0);
  private built = false;
  private dataVersion = -1;

  constructor(private readonly db: Database.Database) {}

  invalidate(): void {
    this.built = false;
  }

  private ensure(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.built && version === this.dataVersion) return;
    this.dataVersion = version;
    const size = (this.db.prepare('SELECT coalesce(max(n), 0) FROM relations').pluck().get() as number) + 1;
    const first = new Int32Array(size);
    const last = new Int32Array(size);
    const dated = new Uint8Array(size);
    const rows = this.db.prepare('SELECT e.relation, a.date FROM evidence e JOIN articles a ON a.id = e.article_id WHERE a.date IS NOT NULL').raw();
    for (const [relation, date] of rows.iterate() as IterableIterator<[number, string]>) {
      const day = dayNumber(date);
      if (!day || relation >= size) continue;
      if (dated[relation] === 0 || day < first[relation]) first[relation] = day;
      if (dated[relation] === 0 || day > last[relation]) last[relation] = day;
      if (dated[relation] < 255) dated[relation]++;
    }
    this.first = first;
    this.last = last;
    this.dated = dated;
    this.built = true;
  }

  /**
   * Whether a relation is stated in an article dated within [from, to] (ISO dates, null: open),
   * or in no dated article at all (kept, as the explorer's date filter keeps it).
   */
  within(from: string | null, to: string | null): (relation: number) => boolean {
    this.ensure();
    const lo = from ? dayNumber(from) : 0;
    const hi = to ? dayNumber(to) : 99_999_999;
    const { first, last, dated } = this;
    const between = this.db
      .prepare(
        `SELECT 1 FROM evidence e JOIN articles a ON a.id = e.article_id
         WHERE e.relation = ? AND a.date >= ? AND a.date <= ? LIMIT 1`,
      )
      .pluck();
    return (relation) => {
      if (relation >= dated.length || dated[relation] === 0) return true;
      if (first[relation] > hi || last[relation] < lo) return false;
      if ((first[relation] >= lo && first[relation] <= hi) || (last[relation] >= lo && last[relation] <= hi)) return true;
      // The range lies strictly between the first and last date: only a third date can fall in it.
      return dated[relation] > 2 && between.get(relation, from ?? '', to ?? '9999-12-31') !== undefined;
    };
  }
}
