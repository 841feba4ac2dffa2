import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src';
import { f1, score, type Gold } from './quality';

// Articles written in other outlets' styles and annotated by hand, so that a rule which
// helps one page and hurts the general case shows up here. heldout/ was used while writing
// rules; heldout2/ was scored once afterwards and never tuned on.

function set(name: string) {
  const dir = fileURLToPath(new URL(`./${name}/`, import.meta.url));
  const files = readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.txt')).sort();
  const golds = readdirSync(join(dir, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, 'gold', f), 'utf8')) as Gold);
  const preds = files.map((f) => ({ ...extractArticle(readFileSync(join(dir, 'articles', f))).spec, article: f }));
  return score(golds, preds);
}

describe('extraction quality on held-out articles from other outlets', () => {
  it('keeps the tuned held-out set near perfect', () => {
    const s = set('heldout');
    expect(f1(s.entities)).toBeGreaterThanOrEqual(0.95);
    expect(f1(s.relations)).toBeGreaterThanOrEqual(0.9);
  });

  it('meets the targets for unseen articles on the untuned set', () => {
    const s = set('heldout2');
    expect(f1(s.entities)).toBeGreaterThanOrEqual(0.8);
    expect(f1(s.relations)).toBeGreaterThanOrEqual(0.6);
  });

  it('holds the untuned heldout3 set at or above its measured quality', () => {
    // Scored once before any rule was changed for it: entities 0.885, relations 0.519.
    const s = set('heldout3');
    expect(f1(s.entities)).toBeGreaterThanOrEqual(0.88);
    expect(f1(s.relations)).toBeGreaterThanOrEqual(0.51);
  });
});
