import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, relationConfidence } from '../src';
import { MENTION_RULES } from '../src/mentions';
import { RELATION_RULES } from '../src/relations/index';

// Every rule of the registry runs its own corpus through the whole pipeline (decode → … → relate):
// each example must produce its relation or mention by that rule (not only by another one), and no
// negative may make the rule fire at all.

const relationOf = (text: string) => {
  const r = extractArticle(text);
  const names = new Map(r.spec.entities.map((e) => [e.id, e.name]));
  return r.spec.relations.map((x) => ({ key: `${x.type} ${names.get(x.from)} -> ${names.get(x.to)}`, rules: [x.rule, ...(x.alsoRules ?? [])] }));
};

describe('relation rules', () => {
  it('have unique ids, each with examples and negatives', () => {
    const ids = RELATION_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RELATION_RULES) {
      expect(r.examples.length, `${r.id} has no example`).toBeGreaterThan(0);
      expect(r.negatives.length, `${r.id} has no negative`).toBeGreaterThan(0);
      expect(r.description.length).toBeGreaterThan(10);
    }
  });

  for (const rule of RELATION_RULES) {
    describe(rule.id, () => {
      for (const ex of rule.examples) {
        it(`finds ${ex.relation} in «${ex.text.slice(0, 40)}…»`, () => {
          const found = relationOf(ex.text);
          const same = found.find((f) => f.key === ex.relation);
          expect(same, `not found at all; found: ${found.map((f) => `${f.key} [${f.rules}]`).join('; ')}`).toBeTruthy();
          expect(same!.rules, 'produced only by other rules').toContain(rule.id);
          expect(ex.relation.split(' ')[0]).toBe(rule.type);
        });
      }
      for (const neg of rule.negatives) {
        it(`does not fire on «${neg.slice(0, 40)}…»`, () => {
          const fired = relationOf(neg).filter((f) => f.rules.includes(rule.id));
          expect(fired.map((f) => f.key)).toEqual([]);
        });
      }
    });
  }
});

describe('mention rules', () => {
  it('have unique ids, each with examples and negatives', () => {
    const ids = MENTION_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of MENTION_RULES) {
      expect(r.examples.length, `${r.id} has no example`).toBeGreaterThan(0);
      expect(r.negatives.length, `${r.id} has no negative`).toBeGreaterThan(0);
    }
  });

  for (const rule of MENTION_RULES) {
    describe(rule.id, () => {
      for (const ex of rule.examples) {
        it(`finds ${ex.mention} in «${ex.text.slice(0, 40)}…»`, () => {
          const r = extractArticle(ex.text);
          const [type, ...rest] = ex.mention.split(' ');
          const name = rest.join(' ');
          const byRule = r.mentions.some((m) => m.rule === rule.id && m.type === type && m.name === name) || r.spec.entities.some((e) => e.rule === rule.id && e.type === type && e.name === name);
          expect(byRule, `found: ${r.mentions.map((m) => `${m.type} ${m.name} [${m.rule}]`).join('; ')}`).toBe(true);
          expect(rule.types).toContain(type);
        });
      }
      for (const neg of rule.negatives) {
        it(`does not fire on «${neg.slice(0, 40)}…»`, () => {
          const r = extractArticle(neg);
          expect(r.mentions.filter((m) => m.rule === rule.id).map((m) => m.name)).toEqual([]);
          expect(r.spec.entities.filter((e) => e.rule === rule.id).map((e) => e.name)).toEqual([]);
        });
      }
    });
  }
});

describe('the registry', () => {
  it('knows every rule id the pipeline writes on the bundled articles and the held-out sets', () => {
    const known = new Set([...RELATION_RULES.map((r) => r.id), ...MENTION_RULES.map((r) => r.id)]);
    const dirs = [join(import.meta.dirname, '..', '..', 'data', 'articles'), ...['heldout', 'heldout2', 'heldout3', 'heldout4'].map((h) => join(import.meta.dirname, h, 'articles'))];
    const seen = new Set<string>();
    for (const d of dirs) {
      for (const f of readdirSync(d).filter((x) => x.endsWith('.txt'))) {
        const r = extractArticle(readFileSync(join(d, f)));
        for (const m of r.mentions) seen.add(m.rule);
        for (const e of r.spec.entities) seen.add(e.rule);
        for (const x of r.spec.relations) for (const id of [x.rule, ...(x.alsoRules ?? [])]) seen.add(id);
      }
    }
    expect([...seen].filter((id) => !known.has(id))).toEqual([]);
    // Most rules fire on real text of our own, not only on their examples.
    expect(seen.size).toBeGreaterThan(known.size * 0.6);
  });
});

describe('confidence', () => {
  it('every relation rule states one in (0, 1)', () => {
    for (const r of RELATION_RULES) {
      expect(r.confidence, r.id).toBeGreaterThan(0);
      expect(r.confidence, r.id).toBeLessThan(1);
    }
  });

  it('a relation inferred from the story ranks below one a verb states, and two rules agreeing rank above either', () => {
    const story = relationConfidence('story-project');
    const stated = relationConfidence('located-at');
    expect(story).toBeLessThan(stated);
    expect(relationConfidence('located-at', ['story-project'])).toBeGreaterThan(stated);
    expect(relationConfidence('located-at', ['story-project'])).toBeLessThan(1);
  });

  it('each extracted relation carries its rule and confidence into what the store loads', () => {
    const r = extractArticle('重庆星海精工有限公司位于璧山区的生产基地今日投产。');
    const loaded = r.toArticleExtraction().relations;
    expect(loaded.length).toBeGreaterThan(0);
    for (const x of loaded) {
      expect(x.rule).toBeTruthy();
      expect(x.confidence).toBe(relationConfidence(x.rule!, r.spec.relations.find((s) => s.rule === x.rule)?.alsoRules));
    }
  });
});
