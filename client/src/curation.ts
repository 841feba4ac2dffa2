// The trust loop's calls (issue 12): an article's extraction before it is written and its load
// with the analyst's corrections, a merge's preview and its undo, rejecting and restoring a fact,
// and the audit log. Kept beside api.ts so each screen takes only what it uses.
import type { Gql } from './api';
import type { EntityRef, EntityType, RelationType } from './types';

const ENTITY = 'id type name aliases degree';

export interface ArticleDraftInput {
  text: string;
  title?: string | null;
  date?: string | null;
  source?: string | null;
  url?: string | null;
}

/** The analyst's corrections, by the keys the preview gave. */
export interface ArticleEdits {
  dropRelations: string[];
  retype: { key: string; type: EntityType }[];
  attach: { key: string; entityId: string }[];
}

export interface PreviewEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  rule: string | null;
  id: string;
  isNew: boolean;
  existing: EntityRef | null;
}

export interface PreviewRelation {
  key: string;
  id: string;
  type: RelationType;
  from: string;
  to: string;
  amountCny: number | null;
  role: string | null;
  rule: string | null;
  confidence: number | null;
  existing: boolean;
  evidence: { text: string; start: number; end: number };
}

export interface ArticlePreview {
  ok: boolean;
  errors: { code: string; message: string }[];
  articleId: string | null;
  alreadyLoaded: boolean;
  text: string | null;
  entities: PreviewEntity[];
  relations: PreviewRelation[];
}

export interface IngestResult {
  ok: boolean;
  created: boolean;
  errors: { code: string; message: string }[];
  article: { id: string; title: string | null } | null;
  entitiesAdded: EntityRef[];
  relationsAdded: { id: string }[];
  evidenceAdded: number;
}

export interface MergePreviewData {
  keep: EntityRef;
  merge: EntityRef;
  aliasesAdded: string[];
  evidenceMoved: number;
  articlesMoved: number;
  relations: { relation: { id: string; type: RelationType; from: EntityRef; to: EntityRef }; becomes: string | null; outcome: 'MOVED' | 'JOINED' | 'DROPPED' }[];
  conflicts: { code: string; relationId: string; message: string }[];
}

export const AUDIT_KINDS = ['INGEST', 'ALIAS', 'MERGE', 'UNMERGE', 'REJECT', 'RESTORE', 'DELETE_ARTICLE', 'DELETE_VIEW'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEntryData {
  id: string;
  kind: AuditKind;
  at: string;
  actor: string | null;
  target: string;
  before: string | null;
  after: string | null;
}

export interface EvidenceKey {
  articleId: string;
  start: number;
  end: number;
}

const noEdits = (e: ArticleEdits | null | undefined) => !e || (!e.dropRelations.length && !e.retype.length && !e.attach.length);

export function curationApi(gql: Gql) {
  const articleInput = (input: ArticleDraftInput, edits?: ArticleEdits | null) => ({
    text: input.text,
    title: input.title || null,
    date: input.date || null,
    source: input.source || null,
    url: input.url || null,
    ...(noEdits(edits) ? {} : { edits }),
  });
  return {
    previewArticle: (input: ArticleDraftInput, edits?: ArticleEdits | null) =>
      gql<{ previewArticle: ArticlePreview }>(
        `query PreviewArticle($input: ArticleInput!) { previewArticle(input: $input) {
           ok errors { code message } articleId alreadyLoaded text
           entities { key type name aliases rule id isNew existing { ${ENTITY} } }
           relations { key id type from to amountCny role rule confidence existing evidence { text start end } } } }`,
        { input: articleInput(input, edits) },
      ).then((d) => d.previewArticle),

    ingestArticle: (input: ArticleDraftInput, edits?: ArticleEdits | null) =>
      gql<{ ingestArticle: IngestResult }>(
        `mutation IngestArticle($input: ArticleInput!) { ingestArticle(input: $input) {
           ok created errors { code message } article { id title } entitiesAdded { ${ENTITY} } relationsAdded { id } evidenceAdded } }`,
        { input: articleInput(input, edits) },
      ).then((d) => d.ingestArticle),

    mergePreview: (keepId: string, mergeId: string) =>
      gql<{ mergePreview: MergePreviewData }>(
        `query MergePreview($keep: ID!, $merge: ID!) { mergePreview(keepId: $keep, mergeId: $merge) {
           keep { ${ENTITY} } merge { ${ENTITY} } aliasesAdded evidenceMoved articlesMoved
           relations { becomes outcome relation { id type from { ${ENTITY} } to { ${ENTITY} } } }
           conflicts { code relationId message } } }`,
        { keep: keepId, merge: mergeId },
      ).then((d) => d.mergePreview),

    unmergeEntities: (keepId: string, mergeId: string) =>
      gql<{ unmergeEntities: EntityRef }>(`mutation Unmerge($keep: ID!, $merge: ID!) { unmergeEntities(keepId: $keep, mergeId: $merge) { ${ENTITY} } }`, {
        keep: keepId,
        merge: mergeId,
      }).then((d) => d.unmergeEntities),

    rejectRelation: (relationId: string, reason: string, evidence?: EvidenceKey | null) =>
      gql<{ rejectRelation: { id: string } }>(
        `mutation Reject($id: ID!, $reason: String!, $evidence: EvidenceKeyInput) { rejectRelation(relationId: $id, reason: $reason, evidence: $evidence) { id } }`,
        { id: relationId, reason, evidence: evidence ?? null },
      ).then((d) => d.rejectRelation),

    restoreRelation: (relationId: string, evidence?: EvidenceKey | null) =>
      gql<{ restoreRelation: { id: string } | null }>(
        `mutation Restore($id: ID!, $evidence: EvidenceKeyInput) { restoreRelation(relationId: $id, evidence: $evidence) { id } }`,
        { id: relationId, evidence: evidence ?? null },
      ).then((d) => d.restoreRelation),

    /** Newest first; since/until are ISO dates (until: entries before it). */
    auditLog: (filter: { actor?: string | null; kind?: AuditKind | null; after?: string | null; first?: number; since?: string | null; until?: string | null } = {}) =>
      gql<{ auditLog: AuditEntryData[] }>(
        `query AuditLog($first: Int, $after: ID, $actor: String, $kind: AuditKind, $since: String, $until: String) {
           auditLog(first: $first, after: $after, actor: $actor, kind: $kind, since: $since, until: $until) { id kind at actor target before after } }`,
        { first: filter.first ?? 100, after: filter.after ?? null, actor: filter.actor || null, kind: filter.kind ?? null, since: filter.since || null, until: filter.until || null },
      ).then((d) => d.auditLog),
  };
}

export type CurationApi = ReturnType<typeof curationApi>;
