import type { ArticleExtraction, ArticleMeta, EntityType, ExtractedEntity, ExtractedRelation, RelationType } from '@chain-atlas/graph';
import { decodeInput } from './decode';
import { districtEntry, districtPrefix } from './gazetteer';
import type { MentionType } from './lexicon';
import { isScored } from './lexicon';
import { findMentions } from './mentions';
import { normalise, originalSpan } from './normalise';
import type { KnownNameLookup, ResolvedEntity, SpottedMention } from './resolve';
import { resolveEntities } from './resolve';
import { relate } from './relate';
import { RELATION_RULES } from './relations/index';
import { splitSentences } from './split';

/** One entity in the SPEC output format. */
export interface SpecEntity {
  id: string;
  type: MentionType;
  name: string;
  aliases: string[];
  /** The mention rule that found it (SPEC allows extra fields); see `pnpm seed rules`. */
  rule: string;
}

export interface SpecRelation {
  type: RelationType;
  from: string;
  to: string;
  properties: { amountCny?: number; role?: 'leader' | 'member'; amount?: { value: number; currency: string } };
  evidence: { text: string; start: number; end: number };
  /** The rule that produced the relation (SPEC allows extra fields); see `pnpm seed rules`. */
  rule: string;
  /** Other rules that found the same relation. */
  alsoRules?: string[];
  /** The rules' confidence in this relation (see `RelationRule.confidence`), 0–1. */
  confidence: number;
}

/** A mention as `seed extract --explain` shows it: offsets into the original text. */
export interface ExplainedMention {
  type: MentionType;
  name: string;
  rule: string;
  start: number;
  end: number;
}

/** The SPEC extraction object (../shared/eval/SPEC.md, "Extraction output format"). */
export interface SpecExtraction {
  article: string;
  entities: SpecEntity[];
  relations: SpecRelation[];
}

export interface ArticleResult {
  spec: SpecExtraction;
  /** The decoded original text: evidence offsets index into it. */
  text: string;
  meta: ArticleMeta;
  /** Every mention the rules found (after overlaps were settled), for `--explain`. */
  mentions: ExplainedMention[];
  /** What a GraphStore loads: only the five scored types, keyed by the SPEC ids. */
  toArticleExtraction(): ArticleExtraction;
}

export interface ExtractOptions {
  /** Resolves names against ones already in the graph (pure lookup; see resolve.ts). */
  knownNames?: KnownNameLookup;
}

/** Adds the districts that Platform/Project names begin with (两江水土云计算中心 names 两江新区). */
function addPrefixDistricts(entities: ResolvedEntity[]) {
  for (const e of [...entities]) {
    if (e.type !== 'Platform' && e.type !== 'Project') continue;
    const d = districtPrefix(e.name);
    if (!d || e.name.length - d.form.length < 3) continue;
    if (entities.some((x) => x.type === 'District' && x.name === d.district)) continue;
    const entry = districtEntry(d.district);
    entities.push({ index: entities.length, type: 'District', name: d.district, aliases: [...(entry?.aliases ?? [])], rule: 'name-prefix-district' });
  }
}

/**
 * On a page in traditional characters every name is also kept as the page writes it: the forms
 * seen at its mentions, and its other names spelt with the page's own characters.
 */
function addScriptForms(text: string, script: string, entities: ResolvedEntity[], mentions: SpottedMention[]) {
  const spelling = new Map<string, Map<string, number>>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === script[i]) continue;
    const m = spelling.get(text[i]) ?? new Map<string, number>();
    m.set(script[i], (m.get(script[i]) ?? 0) + 1);
    spelling.set(text[i], m);
  }
  const respell = (s: string) =>
    [...s].map((ch) => [...(spelling.get(ch) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ch).join('');
  const forms = new Map<number, Set<string>>();
  for (const m of mentions) {
    const written = script.slice(m.start, m.end);
    if (written !== text.slice(m.start, m.end)) (forms.get(m.entity) ?? forms.set(m.entity, new Set()).get(m.entity)!).add(written);
  }
  for (const e of entities) {
    const set = forms.get(e.index) ?? new Set<string>();
    for (const n of [e.name, ...e.aliases]) set.add(respell(n));
    for (const f of set) if (f !== e.name && !e.aliases.includes(f)) e.aliases.push(f);
  }
}

const RULE_CONFIDENCE = new Map(RELATION_RULES.map((r) => [r.id, r.confidence]));

/**
 * Rules that found one relation independently (different patterns in the same sentence) each
 * vouch for it: the chance that all of them are wrong is the product of their error rates.
 */
export function relationConfidence(rule: string, also: readonly string[] = []): number {
  let wrong = 1;
  for (const id of [rule, ...also]) wrong *= 1 - (RULE_CONFIDENCE.get(id) ?? 0.5);
  return Math.round((1 - wrong) * 100) / 100;
}

/** Text → SPEC extraction, pure: the same input gives the same output. */
export function extractArticle(input: string | Uint8Array, meta: ArticleMeta & { file?: string | null } = {}, options: ExtractOptions = {}): ArticleResult {
  const { text } = decodeInput(input);
  const norm = normalise(text);
  const sentences = splitSentences(norm);
  const found = findMentions(norm.text);
  const { entities, mentions } = resolveEntities(norm.text, found, options.knownNames);
  addPrefixDistricts(entities);
  const relations = relate(norm.text, sentences, entities, mentions);
  if (norm.converted) addScriptForms(norm.text, norm.script, entities, mentions);

  const id = (i: number) => `e${i + 1}`;
  const specEntities: SpecEntity[] = entities.map((e) => ({ id: id(e.index), type: e.type, name: e.name, aliases: e.aliases, rule: e.rule }));
  const specRelations: SpecRelation[] = relations.map((r) => {
    const span = originalSpan(norm, r.start, r.end);
    const properties: SpecRelation['properties'] = {};
    if (r.amountCny != null) properties.amountCny = r.amountCny;
    if (r.amount) properties.amount = r.amount;
    if (r.role) properties.role = r.role;
    const out: SpecRelation = { type: r.type, from: id(r.from), to: id(r.to), properties, evidence: { text: text.slice(span.start, span.end), start: span.start, end: span.end }, rule: r.rule, confidence: relationConfidence(r.rule, r.also) };
    if (r.also?.length) out.alsoRules = r.also;
    return out;
  });
  const article = meta.file ?? meta.title ?? 'article';
  const spec: SpecExtraction = { article, entities: specEntities, relations: specRelations };
  const fullMeta: ArticleMeta = { ...meta };
  const explained = found.map((m) => {
    const span = originalSpan(norm, m.start, m.end);
    return { type: m.type, name: m.name, rule: m.rule, start: span.start, end: span.end };
  });
  return {
    spec,
    text,
    meta: fullMeta,
    mentions: explained,
    toArticleExtraction: () => toArticleExtraction(spec, text, fullMeta),
  };
}

/** The graph's unit of loading: scored types only, `key` = the SPEC id, evidence offsets into `text`. */
export function toArticleExtraction(spec: SpecExtraction, text: string, meta: ArticleMeta = {}): ArticleExtraction {
  const scored = new Map<string, ExtractedEntity>();
  for (const e of spec.entities) {
    if (isScored(e.type)) scored.set(e.id, { key: e.id, type: e.type as EntityType, name: e.name, aliases: e.aliases });
  }
  const relations: ExtractedRelation[] = [];
  for (const r of spec.relations) {
    if (!scored.has(r.from) || !scored.has(r.to)) continue;
    relations.push({
      type: r.type,
      from: r.from,
      to: r.to,
      amountCny: r.properties.amountCny ?? null,
      role: r.properties.role ?? null,
      evidence: { ...r.evidence },
      rule: r.rule,
      confidence: r.confidence,
    });
  }
  return {
    article: { text, title: meta.title ?? null, date: meta.date ?? null, source: meta.source ?? null, url: meta.url ?? null, file: meta.file ?? spec.article },
    entities: [...scored.values()],
    relations,
  };
}
