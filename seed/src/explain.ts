import type { ArticleResult } from './extract';
import { MENTION_RULES } from './mentions';
import { RELATION_RULES } from './relations/index';

/** One line of context around [start, end) in the original text, the span in brackets. */
function inContext(text: string, start: number, end: number, width = 12): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return `${flat(text.slice(Math.max(0, start - width), start))}【${flat(text.slice(start, end))}】${flat(text.slice(end, end + width))}`;
}

/**
 * What `pnpm seed extract --explain` prints for an article: every mention with the rule that found
 * it and where, every entity with its names, every relation with its rule and its evidence.
 */
export function explainArticle(r: ArticleResult): string {
  const lines: string[] = [`# ${r.spec.article}`, '', 'mentions:'];
  for (const m of r.mentions) lines.push(`  [${m.rule}] ${m.type} ${m.name}  ${inContext(r.text, m.start, m.end)}`);
  lines.push('', 'entities:');
  const names = new Map(r.spec.entities.map((e) => [e.id, e.name]));
  for (const e of r.spec.entities) lines.push(`  ${e.id} [${e.rule}] ${e.type} ${e.name}${e.aliases.length ? ` (${e.aliases.join('、')})` : ''}`);
  lines.push('', 'relations:');
  for (const rel of r.spec.relations) {
    const props = [
      rel.properties.amountCny != null ? `${rel.properties.amountCny} CNY` : '',
      rel.properties.amount ? `${rel.properties.amount.value} ${rel.properties.amount.currency}` : '',
      rel.properties.role ?? '',
    ].filter(Boolean);
    const also = rel.alsoRules?.length ? ` +${rel.alsoRules.join(',')}` : '';
    lines.push(`  [${rel.rule}${also}] ${rel.type} ${names.get(rel.from)} → ${names.get(rel.to)}${props.length ? ` {${props.join(', ')}}` : ''}`);
    lines.push(`      «${rel.evidence.text.replace(/\s+/g, ' ')}» @${rel.evidence.start}–${rel.evidence.end}`);
  }
  return lines.join('\n') + '\n';
}

export interface RuleRow {
  stage: 'mentions' | 'relations';
  id: string;
  finds: string;
  runs: string;
  examples: number;
  negatives: number;
  /** A relation rule's confidence (mention rules have none). */
  confidence: number | null;
  description: string;
}

/** Every rule of the pipeline, as `pnpm seed rules` lists them. */
export function listRules(): RuleRow[] {
  return [
    ...MENTION_RULES.map((r) => ({
      stage: 'mentions' as const,
      id: r.id,
      finds: r.types.join('/'),
      runs: r.find ? `rank ${r.rank}` : r.runs ? `${r.runs}, rank ${r.rank}` : `with ${r.emittedBy}, rank ${r.rank}`,
      examples: r.examples.length,
      negatives: r.negatives.length,
      confidence: null,
      description: r.description,
    })),
    ...RELATION_RULES.map((r) => ({
      stage: 'relations' as const,
      id: r.id,
      finds: r.type,
      runs: r.apply ? 'sentence' : r.each ? `each ${r.on}` : r.runs ?? `with ${r.emittedBy}`,
      examples: r.examples.length,
      negatives: r.negatives.length,
      confidence: r.confidence,
      description: r.description,
    })),
  ];
}
