import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { SpecExtraction } from './extract';

let jieba: Jieba | null = null;

/**
 * The plain baseline the benchmark compares against: jieba POS tags, nt → Enterprise and
 * ns → District, no relations.
 */
export function baselineExtract(text: string, article = 'article'): SpecExtraction {
  jieba ??= Jieba.withDict(dict);
  const seen = new Map<string, { type: 'Enterprise' | 'District'; name: string }>();
  for (const w of jieba.tag(text, true)) {
    const type = w.tag === 'nt' ? 'Enterprise' : w.tag === 'ns' ? 'District' : null;
    if (!type || w.word.length < 2) continue;
    const k = `${type}|${w.word}`;
    if (!seen.has(k)) seen.set(k, { type, name: w.word });
  }
  return {
    article,
    entities: [...seen.values()].map((e, i) => ({ id: `e${i + 1}`, type: e.type, name: e.name, aliases: [], rule: `jieba-${e.type === 'Enterprise' ? 'nt' : 'ns'}` })),
    relations: [],
  };
}
