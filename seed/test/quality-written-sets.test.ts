import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src';
import { f1, score, type Gold } from './quality';

// Articles written in other outlets' styles and annotated by hand, so that a rule which
// helps one page and hurts the general case shows up here. heldout/ was used while writing
// rules; heldout2/ and heldout3/ were each scored once untuned and then used for rules; heldout4/ was
// written after that work and scored once: it is the figure for unseen articles.

function set(name: string) {
  const dir = fileURLToPath(new URL(`./${name}/`, import.meta.url));
  const files = readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.txt')).sort();
  const golds = readdirSync(join(dir, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, 'gold', f), 'utf8')) as Gold);
  const preds = files.map((f) => ({ ...extractArticle(readFileSync(join(dir, 'articles', f))).spec, article: f }));
  return score(golds, preds);
}

describe('extraction quality on the held-out sets written by us in other outlets\' styles (regression guards; the estimate for unseen news is the real dev set in yardstick.test.ts)', () => {
  it('keeps the tuned held-out set near perfect', () => {
    const s = set('heldout');
    expect(f1(s.entities)).toBeGreaterThanOrEqual(0.95);
    expect(f1(s.relations)).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps heldout2 (first scored untuned at 0.833 / 0.636, since used for rules) at its current quality', () => {
    const s = set('heldout2');
    expect(f1(s.entities)).toBeGreaterThanOrEqual(0.99);
    expect(f1(s.relations)).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps heldout3 (first scored untuned at 0.885 / 0.519, since used for rules) at its current quality', () => {
    const s = set('heldout3');
    expect(f1(s.entities)).toBeGreaterThanOrEqual(0.99);
    // The story-district rules follow the real dev set's annotators (signed projects and settling companies
    // of a district's story are in that district); this set written by us left some of those out.
    expect(f1(s.relations)).toBeGreaterThanOrEqual(0.96);
  });

  it('holds the untuned heldout4 set (the honest figure for unseen articles) at or above its measured quality', () => {
    // Written after the rule work and scored once, untuned: entities 0.914, relations 0.600.
    const s = set('heldout4');
    expect(f1(s.entities)).toBeGreaterThanOrEqual(0.91);
    expect(f1(s.relations)).toBeGreaterThanOrEqual(0.56);
  });
});
