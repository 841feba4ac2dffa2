import { RELATION_ENDPOINTS } from '@chain-atlas/graph';
import type { ArticleExtraction, ArticleMeta, Entity, ExtractedEntity, ExtractedRelation } from '@chain-atlas/graph';
import { badInput, notFound } from './errors';
import type { ArticleEdits } from './validate';

/** Turns an article's text into what the graph loads; throws an error with a `code` for bad input. */
export type Extractor = (text: string | Uint8Array, meta: ArticleMeta) => Promise<ArticleExtraction>;

/** A failure of the article itself (not of the server): reported in the answer, not thrown. */
export interface ArticleFailure {
  code: string;
  message: string;
}

/**
 * The seed pipeline, loaded on first use: its dictionaries take a moment to build, and a
 * server that only answers queries should not wait for them.
 */
export const seedExtractor: Extractor = async (text, meta) => {
  const seed = await import('@chain-atlas/seed');
  // As bytes, so the pipeline judges a pasted text the way it judges a file (a string is
  // taken as already-good text; bytes are checked for binary content and encoding too).
  const input = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const result = seed.extractArticle(input, meta);
  const extraction = result.toArticleExtraction();
  // The rule behind each finding, for previewArticle: the spec carries it, the graph's unit does not.
  const entityRule = new Map(result.spec.entities.map((e) => [e.id, e.rule]));
  const relationRule = new Map(result.spec.relations.map((r) => [`${r.type}|${r.from}|${r.to}|${r.evidence.start}|${r.evidence.end}`, r.rule]));
  for (const e of extraction.entities) e.rule = entityRule.get(e.key);
  for (const r of extraction.relations) r.rule = relationRule.get(`${r.type}|${r.from}|${r.to}|${r.evidence.start}|${r.evidence.end}`);
  return extraction;
};

/**
 * The pipeline's verdict on an article (its ExtractionError) as a failure to report. Matched
 * by name and code rather than instanceof: an extractor handed in by a caller may come from
 * another copy of the module.
 */
export function asArticleFailure(err: unknown): ArticleFailure | null {
  if (err instanceof Error && err.name === 'ExtractionError' && typeof (err as { code?: unknown }).code === 'string') {
    return { code: (err as Error & { code: string }).code, message: err.message };
  }
  return null;
}

/** A relation of one extraction, named so an analyst's edits can point at it (stable across edits to entities). */
export function relationKey(r: ExtractedRelation): string {
  return `${r.type}|${r.from}|${r.to}|${r.evidence.start}|${r.evidence.end}`;
}

/**
 * The extraction as the analyst corrected it in the preview: facts unticked are left out, an
 * entity retyped takes its new type (its facts that no longer fit the type are left out: a
 * District cannot invest), and a mention attached to an entity of the graph takes that
 * entity's type and name, keeping its own name as an alias so later articles land there too.
 * `attached` holds the entities named by `edits.attach`; a missing one is NOT_FOUND.
 */
export function applyEdits(extraction: ArticleExtraction, edits: ArticleEdits | null | undefined, attached: Map<string, Entity>): ArticleExtraction {
  if (!edits) return extraction;
  const keys = new Set(extraction.entities.map((e) => e.key));
  for (const { key } of [...edits.retype, ...edits.attach]) {
    if (!keys.has(key)) throw badInput(`input.edits: no entity ${key} in this article's extraction`, { argumentName: 'input' });
  }
  const retype = new Map(edits.retype.map((r) => [r.key, r.type]));
  const attach = new Map(edits.attach.map((a) => [a.key, a.entityId]));
  const entities: ExtractedEntity[] = extraction.entities.map((e) => {
    const target = attach.get(e.key);
    if (target != null) {
      const to = attached.get(target);
      if (!to) throw notFound(`input.edits.attach: no entity ${target}`);
      return { ...e, type: to.type, name: to.name, aliases: [...new Set([e.name, ...e.aliases, ...to.aliases])] };
    }
    const type = retype.get(e.key);
    return type ? { ...e, type } : e;
  });
  const typeOf = new Map(entities.map((e) => [e.key, e.type]));
  const dropped = new Set(edits.dropRelations);
  const relations = extraction.relations.filter((r) => {
    if (dropped.has(relationKey(r))) return false;
    const ends = RELATION_ENDPOINTS[r.type];
    return ends.from.includes(typeOf.get(r.from)!) && ends.to.includes(typeOf.get(r.to)!) && typeOf.get(r.from) !== undefined;
  });
  return { ...extraction, entities, relations };
}
