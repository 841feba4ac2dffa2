import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

// A stand-in for client/dist: what the server does with a built explorer, whoever built it.
const dist = mkdtempSync(join(tmpdir(), 'chain-atlas-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root">explorer</div>');
writeFileSync(join(dist, 'graphiql.html'), '<!doctype html><div id="graphiql">graphiql</div>');
writeFileSync(join(dist, 'app.js'), 'console.log("explorer")');

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ empty: true, clientDir: dist });
});
afterAll(async () => {
  await h?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the built client', () => {
  it('serves the explorer at /, its assets, and GraphiQL at /graphiql', async () => {
    expect(await (await fetch(`${h.url}/`, { headers: { accept: 'text/html' } })).text()).toContain('explorer');
    expect(await (await fetch(`${h.url}/app.js`)).text()).toContain('console.log');
    const graphiql = await fetch(`${h.url}/graphiql`);
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('id="graphiql"');
  });

  it('answers deep links of the single-page explorer with its index', async () => {
    const res = await fetch(`${h.url}/entity/district:渝中区`, { headers: { accept: 'text/html' } });
    expect(await res.text()).toContain('id="root"');
  });

  it('says how to build the explorer when it is missing', async () => {
    const bare = await startHarness({ empty: true, clientDir: join(dist, 'nowhere') });
    try {
      const page = await (await fetch(`${bare.url}/`, { headers: { accept: 'text/html' } })).text();
      expect(page).toContain('pnpm --filter @chain-atlas/client build');
      expect(page).toContain('0 articles');
      expect((await fetch(`${bare.url}/graphiql`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
