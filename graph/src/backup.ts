import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { articleId, entityTypeOfId, rejectionId, relationId } from './ids';
import { isEntityType, isRelationType, RELATION_ENDPOINTS, type Acceptance, type Article, type Entity, type EntityType, type Evidence, type GraphStats, type Rejection, type Relation, type AuditEntry, AUDIT_KINDS } from './model';
import { checkEvidenceMeta } from './review';
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
  | { kind: 'curation'; curation: Curation }
  /** A rejected relation, held for a restore (its ends may have gone since). */
  | { kind: 'held-relation'; relation: Omit<Relation, 'evidence'> }
  /** A sentence held with a rejection. */
  | { kind: 'held-evidence'; relationId: string; evidence: Evidence }
  | { kind: 'rejection'; rejection: Rejection }
  /** A fact an analyst accepted (by relation id: it may have left the graph since). */
  | { kind: 'acceptance'; acceptance: Acceptance }
  | { kind: 'audit'; entry: AuditEntry };

export interface ImportReport {
  articles: number;
  entities: number;
  relations: number;
  evidence: number;
  redirects: number;
  curations: number;
  rejections: number;
  acceptances: number;
  audit: number;
}

export const RECORD_ORDER: GraphRecord['kind'][] = [
  'header', 'article', 'entity', 'mention', 'relation', 'evidence', 'redirect', 'curation', 'held-relation', 'held-evidence', 'rejection', 'acceptance', 'audit',
];

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

/** Longest entity id a restore accepts: the API refuses longer ones (500), so no store holds one. */
export const MAX_ENTITY_ID_LENGTH = 500;
const CURATION_KINDS = new Set(['alias', 'merge']);

/** A record that cannot be restored; `line` is its 1-based line in the file, 0 for the file as a whole. */
export class BadRecordError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'BadRecordError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.isWellFormed();
const optionalText = (v: unknown) => v === undefined || v === null || isText(v);

/**
 * Checks every record as the store checks its own writes, in one pass and with memory for
 * ids and lengths only (no article text is kept): what is refused is named with its line,
 * and the header's counts are compared once the last line is read. A restore through this
 * either gets a graph the store could have written itself, or an error and nothing.
 */
export async function* validateRecords(records: AsyncIterable<GraphRecord>): AsyncGenerator<GraphRecord> {
  let line = 0;
  let header: Extract<GraphRecord, { kind: 'header' }> | null = null;
  const articleLength = new Map<string, number>();
  const entityType = new Map<string, EntityType>();
  const relations = new Set<string>();
  const redirects = new Map<string, string>();
  const redirectLine = new Map<string, number>();
  const held = new Set<string>();
  const rejections = new Set<string>();
  const acceptances = new Set<string>();
  let lastAudit = '';
  const seen = { articles: 0, entities: 0, relations: 0, evidence: 0 };
  let lastKind = 0;
  const fail = (message: string): never => {
    throw new BadRecordError(line, message);
  };
  const entityIdOk = (id: unknown): id is string =>
    typeof id === 'string' && id.length <= MAX_ENTITY_ID_LENGTH && isText(id) && isEntityType(capitalised(entityTypeOfId(id))) && id.length > entityTypeOfId(id).length + 1;

  for await (const record of records) {
    line++;
    if (!isObject(record)) fail('not a record');
    const order = RECORD_ORDER.indexOf(record.kind);
    if (order < 0) fail(`unknown record kind ${JSON.stringify(record.kind)}`);
    if (line === 1 && record.kind !== 'header') fail('the first line must be the header');
    if (order < lastKind) fail(`a ${record.kind} record after ${RECORD_ORDER[lastKind]} records: the export is out of order`);
    lastKind = order;
    switch (record.kind) {
      case 'header': {
        if (line !== 1) fail('a second header');
        if (record.format !== 'chain-atlas-graph') fail('not a ChainAtlas graph export');
        if (record.version !== 1) fail(`unsupported export version ${String(record.version)}`);
        const stats = record.stats as Partial<GraphStats> | undefined;
        for (const k of ['articles', 'entities', 'relations', 'evidence'] as const) {
          if (!isObject(stats) || !Number.isSafeInteger(stats[k]) || (stats[k] as number) < 0) fail(`the header has no count of ${k}`);
        }
        header = record;
        break;
      }
      case 'article': {
        const a = record.article as Partial<Article> | undefined;
        if (!isObject(a) || !isText(a.text) || a.text.length === 0) fail('an article needs a text (well-formed Unicode)');
        if (a!.id !== articleId(a!.text!)) fail(`article ${String(a!.id)}: the id is not the hash of its text`);
        if (!optionalText(a!.title) || !optionalText(a!.source) || !optionalText(a!.url) || !optionalText(a!.file)) fail(`article ${a!.id}: malformed metadata`);
        if (a!.date != null && !(typeof a!.date === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(a!.date))) fail(`article ${a!.id}: date is not YYYY-MM-DD`);
        if (articleLength.has(a!.id!)) fail(`article ${a!.id} twice`);
        articleLength.set(a!.id!, a!.text!.length);
        seen.articles++;
        break;
      }
      case 'entity': {
        const e = record.entity as Partial<Entity> | undefined;
        if (!isObject(e) || !entityIdOk(e.id)) fail(`an entity id must be 'type:name', at most ${MAX_ENTITY_ID_LENGTH} characters`);
        if (!isEntityType(e!.type) || entityTypeOfId(e!.id!) !== e!.type!.toLowerCase()) fail(`entity ${e!.id}: its type does not match its id`);
        if (!isText(e!.name) || !e!.name.trim()) fail(`entity ${e!.id}: empty name`);
        if (!Array.isArray(e!.aliases) || !e!.aliases.every((x) => isText(x))) fail(`entity ${e!.id}: aliases must be strings`);
        if (entityType.has(e!.id!)) fail(`entity ${e!.id} twice`);
        entityType.set(e!.id!, e!.type!);
        seen.entities++;
        break;
      }
      case 'mention':
        if (!entityType.has(record.entityId)) fail(`a mention refers to an entity not in the export: ${String(record.entityId)}`);
        if (!articleLength.has(record.articleId)) fail(`a mention refers to an article not in the export: ${String(record.articleId)}`);
        break;
      case 'relation': {
        const r = record.relation as Partial<Relation> | undefined;
        if (!isObject(r) || !isRelationType(r.type)) fail(`relation ${String(isObject(r) ? r.id : '')}: unknown type`);
        const from = entityType.get(String(r!.from));
        const to = entityType.get(String(r!.to));
        if (!from || !to) fail(`relation ${String(r!.id)} refers to an entity not in the export`);
        const fits = RELATION_ENDPOINTS[r!.type!];
        if (!fits.from.includes(from!) || !fits.to.includes(to!)) fail(`relation ${String(r!.id)}: ${r!.type} cannot go from a ${from} to a ${to}`);
        if (r!.id !== relationId(r!.type!, r!.from!, r!.to!)) fail(`relation ${String(r!.id)}: the id does not match its type and endpoints`);
        if (r!.amountCny != null && !(typeof r!.amountCny === 'number' && Number.isFinite(r!.amountCny) && r!.amountCny >= 0)) {
          fail(`relation ${r!.id}: amountCny must be a non-negative number`);
        }
        if (r!.role != null && !(r!.type === 'MEMBER_OF' && (r!.role === 'leader' || r!.role === 'member'))) fail(`relation ${r!.id}: role must be leader or member, on MEMBER_OF only`);
        if (relations.has(r!.id!)) fail(`relation ${r!.id} twice`);
        relations.add(r!.id!);
        seen.relations++;
        break;
      }
      case 'evidence': {
        if (!relations.has(record.relationId)) fail(`evidence refers to a relation not in the export: ${String(record.relationId)}`);
        const ev = record.evidence as Partial<Evidence> | undefined;
        const length = isObject(ev) ? articleLength.get(String(ev.articleId)) : undefined;
        if (length === undefined) fail('evidence refers to an article not in the export');
        const { start, end, text } = ev!;
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start! < 0 || end! <= start! || end! > length!) {
          fail(`evidence offsets ${String(start)}..${String(end)} are not inside the article's ${length} characters`);
        }
        if (!isText(text) || text.length !== end! - start!) fail(`evidence text is not ${end! - start!} characters long as its offsets say`);
        evidenceMeta(ev!, fail);
        seen.evidence++;
        break;
      }
      case 'redirect':
        if (!entityIdOk(record.fromId) || !entityIdOk(record.toId)) fail('a redirect needs two entity ids');
        if (entityType.has(record.fromId)) fail(`a redirect from ${record.fromId}, which is an entity of the export`);
        if (redirects.has(record.fromId)) fail(`a second redirect from ${record.fromId}`);
        redirects.set(record.fromId, record.toId);
        redirectLine.set(record.fromId, line);
        break;
      case 'curation': {
        const c = record.curation as Partial<Curation> | undefined;
        if (!isObject(c) || !CURATION_KINDS.has(String(c.kind))) fail(`unknown curation kind ${JSON.stringify(isObject(c) ? c.kind : c)}`);
        if (!entityIdOk(c!.entityId) || !isText(c!.value) || !isText(c!.at) || Number.isNaN(Date.parse(c!.at))) fail('a curation needs an entity id, a value and a time');
        break;
      }
      case 'held-relation': {
        const r = record.relation as Partial<Relation> | undefined;
        if (!isObject(r) || !isRelationType(r.type) || !isText(r.id) || !entityIdOk(r.from) || !entityIdOk(r.to)) fail('a held relation needs an id, a type and two entity ids');
        if (r!.id !== relationId(r!.type!, r!.from!, r!.to!)) fail(`held relation ${String(r!.id)}: the id does not match its type and endpoints`);
        if (held.has(r!.id!)) fail(`held relation ${r!.id} twice`);
        held.add(r!.id!);
        break;
      }
      case 'held-evidence': {
        if (!held.has(record.relationId)) fail(`held evidence refers to a relation not held in the export: ${String(record.relationId)}`);
        const ev = record.evidence as Partial<Evidence> | undefined;
        const length = isObject(ev) ? articleLength.get(String(ev.articleId)) : undefined;
        if (length === undefined) fail('held evidence refers to an article not in the export');
        const { start, end, text } = ev!;
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start! < 0 || end! <= start! || end! > length! || !isText(text) || text.length !== end! - start!) {
          fail(`held evidence offsets ${String(start)}..${String(end)} do not fit its article or its text`);
        }
        evidenceMeta(ev!, fail);
        break;
      }
      case 'rejection': {
        const x = record.rejection as Partial<Rejection> | undefined;
        if (!isObject(x) || !isText(x.id) || !isText(x.relationId) || !isRelationType(x.type) || !entityIdOk(x.from) || !entityIdOk(x.to)) fail('a rejection needs an id, a relation id, a type and two entity ids');
        if (!isText(x!.reason) || !x!.reason.trim() || !isText(x!.at) || Number.isNaN(Date.parse(x!.at))) fail(`rejection ${x!.id}: needs a reason and a time`);
        if (!optionalText(x!.actor)) fail(`rejection ${x!.id}: malformed actor`);
        const ev = x!.evidence;
        if (ev != null && !(isObject(ev) && isText(ev.articleId) && Number.isSafeInteger(ev.start) && Number.isSafeInteger(ev.end) && isText(ev.text))) fail(`rejection ${x!.id}: malformed evidence`);
        if (x!.id !== rejectionId(x!.relationId!, ev ?? null)) fail(`rejection ${x!.id}: the id does not match its relation and evidence`);
        if (rejections.has(x!.id!)) fail(`rejection ${x!.id} twice`);
        rejections.add(x!.id!);
        break;
      }
      case 'acceptance': {
        const a = record.acceptance as Partial<Acceptance> | undefined;
        if (!isObject(a) || !isText(a.relationId) || !a.relationId) fail('an acceptance needs a relation id');
        if (!isText(a!.at) || Number.isNaN(Date.parse(a!.at)) || !optionalText(a!.actor)) fail(`acceptance of ${a!.relationId}: needs a time, and an actor that is text or null`);
        if (acceptances.has(a!.relationId!)) fail(`acceptance of ${a!.relationId} twice`);
        acceptances.add(a!.relationId!);
        break;
      }
      case 'audit': {
        const a = record.entry as Partial<AuditEntry> | undefined;
        if (!isObject(a) || !isText(a.id) || !(AUDIT_KINDS as readonly string[]).includes(String(a.kind)) || !isText(a.target)) fail('an audit entry needs an id, a kind and a target');
        if (!isText(a!.at) || Number.isNaN(Date.parse(a!.at)) || !optionalText(a!.actor)) fail(`audit entry ${a!.id}: needs a time, and an actor that is text or null`);
        if (!(a!.id! > lastAudit)) fail(`audit entry ${a!.id}: out of order or twice (entries go oldest first)`);
        lastAudit = a!.id!;
        break;
      }
    }
    yield record;
  }
  // What is wrong from here on is the file as a whole, not one line of it.
  line = 0;
  if (!header) fail('the export is empty');
  // Every chain of redirects ends at an entity of the export, and none goes round.
  for (const from of redirects.keys()) {
    const visited = new Set<string>();
    let at = from;
    while (redirects.has(at)) {
      if (visited.has(at)) throw new BadRecordError(redirectLine.get(from)!, `the redirects from ${from} go round in a circle`);
      visited.add(at);
      at = redirects.get(at)!;
    }
    if (!entityType.has(at)) throw new BadRecordError(redirectLine.get(from)!, `the redirect from ${from} ends at ${at}, which is not in the export`);
  }
  for (const k of ['articles', 'entities', 'relations', 'evidence'] as const) {
    if (seen[k] !== header!.stats[k]) fail(`the header counts ${header!.stats[k]} ${k} but the file holds ${seen[k]}: it is cut or altered`);
  }
}

/** A piece of evidence's rule and confidence (absent in exports made before they were kept). */
function evidenceMeta(ev: Partial<Evidence>, fail: (message: string) => never): void {
  try {
    checkEvidenceMeta(ev.rule, ev.confidence, 'evidence');
  } catch (err) {
    fail((err as Error).message);
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The records of a JSON Lines export, validated (`validateRecords`); an error names the file
 * and the first line that is wrong.
 */
export async function* readRecords(path: string): AsyncGenerator<GraphRecord> {
  try {
    yield* validateRecords(parseLines(path));
  } catch (err) {
    if (err instanceof BadRecordError) throw new Error(err.line ? `${path}:${err.line}: ${err.message}` : `${path}: ${err.message}`);
    throw err;
  }
}

async function* parseLines(path: string): AsyncGenerator<GraphRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) throw new BadRecordError(lineNo, 'an empty line');
    let record: GraphRecord;
    try {
      record = JSON.parse(line) as GraphRecord;
    } catch {
      throw new BadRecordError(lineNo, 'not a JSON line');
    }
    if (!isObject(record) || !RECORD_ORDER.includes(record.kind)) {
      throw new BadRecordError(lineNo, lineNo === 1 ? 'not a ChainAtlas graph export (no header line)' : 'not a ChainAtlas graph record');
    }
    yield record;
  }
}
