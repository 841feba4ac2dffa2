// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// A quiet first start: `pnpm start` builds the explorer, and that build once printed a wall of
// rolldown MODULE_LEVEL_DIRECTIVE warnings from graphiql's bundle. Built into a scratch folder,
// so the e2e tests' client/dist is never half-written.
const CLIENT = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'chain-atlas-client-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the explorer build', () => {
  it('prints no warning', async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((done) =>
      execFile(
        join(CLIENT, 'node_modules/.bin/vite'),
        ['build', '--outDir', out, '--emptyOutDir'],
        { cwd: CLIENT, env: { ...process.env, NO_COLOR: '1' }, timeout: 170_000 },
        (err, stdout, stderr) => done({ code: err ? 1 : 0, output: `${stdout}\n${stderr}` }),
      ),
    );
    expect(code).toBe(0);
    expect(output).toContain('built in');
    expect(output).not.toMatch(/MODULE_LEVEL_DIRECTIVE|\[warn|warning/iu);
  }, 180_000);
});
