import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselineExtract, extractArticle, type SpecExtraction } from '@chain-atlas/seed';

const ARTICLES = fileURLToPath(new URL('../../data/articles/', import.meta.url));
// The yardstick lives beside the repository during development; the product never needs it.
const EVAL = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));

interface Scores {
  entityF1: number | null;
  relationF1: number | null;
}

export async function benchExtraction(options: { quick: boolean }) {
  const files = readdirSync(ARTICLES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const texts = files.map((f) => readFileSync(join(ARTICLES, f), 'utf8'));
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);

  const rounds = options.quick ? 3 : 20;
  for (const t of texts) extractArticle(t); // warm-up: dictionaries, JIT
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) extractArticle(t);
  const seconds = (performance.now() - t0) / 1000;

  // One big page: the cost must stay linear in the length of an article.
  const big = texts.join('\n\n').repeat(Math.ceil(1_000_000 / bytes));
  const t1 = performance.now();
  extractArticle(big);
  const bigSeconds = (performance.now() - t1) / 1000;

  const b0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) baselineExtract(t);
  const baselineSeconds = (performance.now() - b0) / 1000;

  let quality: { pipeline: Scores; baseline: Scores } | string = 'the scorer (../shared/eval) is not beside this checkout';
  if (existsSync(join(EVAL, 'score.mjs'))) {
    const scorer = (await import(join(EVAL, 'score.mjs'))) as {
      score: (gold: unknown[], pred: unknown[], articlesDir?: string) => { result: { entities: { all: { f1: number | null } }; relations: { all: { f1: number | null } } } };
    };
    const gold = readdirSync(join(EVAL, 'gold'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(EVAL, 'gold', f), 'utf8')));
    const ours: SpecExtraction[] = files.map((f, i) => ({ ...extractArticle(texts[i], { file: f }).spec, article: f }));
    const theirs = files.map((f, i) => baselineExtract(texts[i], f));
    const f1 = (pred: unknown[]): Scores => {
      const { result } = scorer.score(gold, pred, ARTICLES);
      return { entityF1: result.entities.all.f1, relationF1: result.relations.all.f1 };
    };
    quality = { pipeline: f1(ours), baseline: f1(theirs) };
  }

  const mb = (n: number) => n / 1_000_000;
  return {
    corpus: `${files.length} bundled pages, ${Math.round(bytes / 1000)} kB`,
    pipelineMBps: +(mb(bytes * rounds) / seconds).toFixed(2),
    onePageOf1MBMBps: +(mb(Buffer.byteLength(big)) / bigSeconds).toFixed(2),
    baselineMBps: +(mb(bytes * rounds) / baselineSeconds).toFixed(2),
    quality,
  };
}
