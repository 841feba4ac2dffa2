import { z } from 'zod';
import { ENTITY_TYPES, articleMetaSchema, type EntityType, type RelationFilter, type RelationType } from '@chain-atlas/graph';
import { badInput } from './errors';
import type { ApiLimits } from './limits';

const ENTITY_ID = new RegExp(`^(${ENTITY_TYPES.map((t) => t.toLowerCase()).join('|')}):\\S`, 'u');
// Ids are hashes today; any short printable token is accepted so a store that names
// articles differently keeps working.
const ARTICLE_ID = /^[\w.:-]{1,128}$/u;

/** Parses with zod and answers BAD_USER_INPUT naming the argument, instead of a 500. */
function parse<T>(schema: z.ZodType<T>, value: unknown, argumentName: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue.path.length ? `${argumentName}.${issue.path.join('.')}` : argumentName;
  throw badInput(`${where}: ${issue.message}`, { argumentName });
}

export function entityIdArg(value: unknown, argumentName = 'id'): string {
  return parse(
    z.string().max(500).regex(ENTITY_ID, "an entity id looks like 'enterprise:名称' (type, colon, name)"),
    value,
    argumentName,
  );
}

export function articleIdArg(value: unknown, argumentName = 'id'): string {
  return parse(z.string().regex(ARTICLE_ID, 'not an article id'), value, argumentName);
}

export function intArg(value: unknown, argumentName: string, min: number, max: number): number {
  return parse(
    z
      .number()
      .int()
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max} (a server limit)`),
    value,
    argumentName,
  );
}

/** Relation ids as the store makes them (type:from->to…): any short non-empty string, up to `max` of them. */
export function relationIdsArg(value: unknown, max: number): string[] {
  return parse(z.array(z.string().min(1).max(1000)).max(max, `at most ${max} ids (a server limit)`), value, 'ids');
}

export function searchTextArg(value: unknown): string {
  return parse(z.string().trim().min(1, 'must not be empty').max(200), value, 'query');
}

export function aliasArg(value: unknown): string {
  return parse(z.string().trim().min(1, 'must not be empty').max(200), value, 'alias');
}

export function entityIdsArg(value: unknown, limits: ApiLimits): string[] {
  const ids = parse(
    z
      .array(z.string())
      .min(1, 'needs at least one id')
      .max(limits.maxNeighbourhoodSeeds, `at most ${limits.maxNeighbourhoodSeeds} ids (a server limit)`),
    value,
    'ids',
  );
  return [...new Set(ids.map((id, i) => entityIdArg(id, `ids[${i}]`)))];
}

export interface ArticleInputArgs {
  text: string;
  title?: string | null;
  date?: string | null;
  source?: string | null;
  url?: string | null;
  edits?: ArticleEdits | null;
}

/** An analyst's corrections to an extraction, by the keys previewArticle gave (see ingest.ts). */
export interface ArticleEdits {
  dropRelations: string[];
  retype: { key: string; type: (typeof ENTITY_TYPES)[number] }[];
  attach: { key: string; entityId: string }[];
}

const MAX_EDITS = 2000;
const editsSchema = z
  .object({
    dropRelations: z.array(z.string().min(1).max(2000)).max(MAX_EDITS).nullish().transform((v) => v ?? []),
    retype: z.array(z.object({ key: z.string().min(1).max(100), type: z.enum(ENTITY_TYPES) })).max(MAX_EDITS).nullish().transform((v) => v ?? []),
    attach: z
      .array(z.object({ key: z.string().min(1).max(100), entityId: z.string().max(500).regex(ENTITY_ID, "an entity id looks like 'enterprise:名称'") }))
      .max(MAX_EDITS)
      .nullish()
      .transform((v) => v ?? []),
  })
  .nullish();

export function articleInputArg(value: unknown, limits: ApiLimits): ArticleInputArgs {
  // Empty text is let through on purpose: the extraction pipeline owns the verdict on an
  // article's content and reports it with its own code (EMPTY).
  // The metadata rules are the graph's, shared with `seed load`.
  const schema = articleMetaSchema.extend({
    text: z
      .string()
      .max(limits.maxArticleChars, `at most ${limits.maxArticleChars} characters (a server limit)`)
      // JSON can carry a lone surrogate (\ud800) that UTF-8 cannot: the text would reach the
      // graph with U+FFFD in its place, silently changed. The stores refuse it; so does this.
      .refine((t) => t.isWellFormed(), 'has a lone UTF-16 surrogate (broken Unicode); repair or re-encode it'),
    edits: editsSchema,
  });
  return parse(schema, value, 'input');
}

/** Saved view ids are short tokens (graph's newViewId); anything else is refused before the store. */
export function viewIdArg(value: unknown, argumentName = 'id'): string {
  return parse(z.string().regex(/^[0-9a-z]{6,32}$/u, 'not a saved view id'), value, argumentName);
}

export function viewInputArg(value: unknown, maxStateChars: number): { name: string | null; state: string } {
  return parse(
    z.object({
      name: z.string().trim().min(1, 'a view name cannot be blank').max(100, 'at most 100 characters').nullish().transform((v) => v ?? null),
      state: z.string().min(2, 'a view needs a state').max(maxStateChars, `at most ${maxStateChars} characters (a server limit)`),
    }),
    value,
    'input',
  );
}

/** One relation id as the store makes them. */
export function relationIdArg(value: unknown, argumentName = 'relationId'): string {
  return parse(z.string().min(1).max(1000), value, argumentName);
}

export function reasonArg(value: unknown): string {
  return parse(z.string().trim().min(1, 'must say why').max(1000), value, 'reason');
}

export function evidenceKeyArg(value: unknown): { articleId: string; start: number; end: number } | null {
  if (value == null) return null;
  return parse(
    z.object({ articleId: z.string().regex(ARTICLE_ID, 'not an article id'), start: z.number().int().min(0), end: z.number().int().min(0) }),
    value,
    'evidence',
  );
}

/** An ISO date (a day: its start, UTC) or date-time, as milliseconds since the epoch. */
export function timeArg(value: unknown, argumentName: string): number {
  const text = parse(z.string().max(40), value, argumentName);
  const ms = /^\d{4}-\d{2}-\d{2}$/u.test(text) ? Date.parse(`${text}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/u.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw badInput(`${argumentName}: an ISO date (YYYY-MM-DD) or date-time`, { argumentName });
  return ms;
}

const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'an ISO date, YYYY-MM-DD');

/** The explorer's filters over an entity's relations; dates are ISO dates or absent. */
export function relationFilterArg(value: unknown, argumentName = 'filter'): RelationFilter {
  if (value == null) return {};
  const f = parse(
    z.object({
      relationTypes: z.array(z.string()).nullish(),
      entityTypes: z.array(z.string()).nullish(),
      dateFrom: ISO_DATE.nullish(),
      dateTo: ISO_DATE.nullish(),
    }),
    value,
    argumentName,
  );
  return {
    relationTypes: (f.relationTypes as RelationType[] | null | undefined) ?? null,
    entityTypes: (f.entityTypes as EntityType[] | null | undefined) ?? null,
    dateFrom: f.dateFrom ?? null,
    dateTo: f.dateTo ?? null,
  };
}

/** Ids of entities already on a canvas (sent with a neighbour page): any number up to `max`, each an entity id. */
export function amongArg(value: unknown, max: number): string[] {
  if (value == null) return [];
  return parse(z.array(z.string().max(500)).max(max, `at most ${max} ids (a server limit)`), value, 'among');
}
