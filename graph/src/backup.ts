import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Article, Entity, Evidence, GraphStats, Relation } from './model';
import type { Curation } from './store';

/**
 * A graph as a stream of records: the backup format (JSON Lines, one record a line) and the
 * way a graph moves between stores. Records come in dependency order: articles and entities
 * before what refers to them.
 */
export type GraphRecord =
  | { kind: 'header'; format: 'chain-atlas-graph'; version: 1; exportedAt: string; store: string; stats: GraphStats }
  | { kind: 'article'; article: Article }
  | { kind: 'entity'; entity: Entity }
  | { kind: 'mention'; entityId: string; articleId: string }
  | { kind: 'relation'; relation: Omit<Relation, 'evidence'> }
  | { kind: 'evidence'; relationId: string; evidence: Evidence }
  | { kind: 'redirect'; fromId: string; toId: string }
  | { kind: 'curation'; curation: Curation };

export interface ImportReport {
  articles: number;
  entities: number;
  relations: number;
  evidence: number;
  redirects: number;
  curations: number;
}

export const RECORD_ORDER: GraphRecord['kind'][] = ['header', 'article', 'entity', 'mention', 'relation', 'evidence', 'redirect', 'curation'];

export async function writeRecords(path: string, records: AsyncIterable<GraphRecord>): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let n = 0;
  for await (const record of records) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

export async function* readRecords(path: string): AsyncGenerator<GraphRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let record: GraphRecord;
    try {
      record = JSON.parse(line) as GraphRecord;
    } catch {
      throw new Error(`${path}:${lineNo}: not a JSON line`);
    }
    if (!record || typeof record !== 'object' || !RECORD_ORDER.includes(record.kind)) {
      throw new Error(`${path}:${lineNo}: not a ChainAtlas graph record`);
    }
    if (lineNo === 1 && (record.kind !== 'header' || record.format !== 'chain-atlas-graph')) {
      throw new Error(`${path}: not a ChainAtlas graph export (no header line)`);
    }
    yield record;
  }
}
