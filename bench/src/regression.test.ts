import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { figures, regressions } from './compare';
import type { Report } from './run';

const BENCH = fileURLToPath(new URL('..', import.meta.url));
const baseline = JSON.parse(readFileSync(join(BENCH, 'baseline.json'), 'utf8')) as Report;

describe('performance regression guard', () => {
  it('flags a figure more than 3× worse than the baseline, and only then', () => {
    const worse: Report = JSON.parse(JSON.stringify(baseline));
    worse.store![0].paths.p50 = baseline.store![0].paths.p50 * 4 + 10;
    worse.store![0].load.relationsPerSecond = baseline.store![0].load.relationsPerSecond / 2;
    expect(regressions(worse, baseline).map((r) => r.name)).toEqual([`paths p50 ms @${baseline.store![0].size}`]);
    expect(regressions(baseline, baseline)).toEqual([]);
  });

  it('runs `pnpm bench --quick` and stays within 3× of the committed baseline', () => {
    const out = mkdtempSync(join(tmpdir(), 'chain-atlas-bench-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(BENCH, 'src/run.ts'), '--quick', '--out', out], { cwd: BENCH, stdio: 'pipe', timeout: 540_000 });
      const now = JSON.parse(readFileSync(join(out, 'report-quick.json'), 'utf8')) as Report;
      // Every area was measured: a broken area must fail here, not vanish from the comparison.
      expect(now.notes).toEqual([]);
      expect(figures(now).length).toBe(figures(baseline).length);
      const found = regressions(now, baseline);
      expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
