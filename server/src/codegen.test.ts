import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

// The resolvers are typed from src/generated/resolvers.ts: if it lagged behind schema.graphql, the
// type check would pass against a contract the server no longer serves.
const SERVER = fileURLToPath(new URL('..', import.meta.url));
const GENERATED = 'src/generated/resolvers.ts';

describe('generated resolver types', () => {
  it('are what `pnpm --filter server codegen` makes of schema.graphql today', async () => {
    const outputs = await generate({ ...config, cwd: SERVER, silent: true }, false);
    const fresh = outputs.find((o: { filename: string }) => o.filename.endsWith(GENERATED));
    expect(fresh, 'codegen.ts no longer writes src/generated/resolvers.ts').toBeDefined();
    expect(fresh.content, 'src/generated/resolvers.ts is stale: run `pnpm --filter server codegen` and commit it').toBe(
      readFileSync(`${SERVER}/${GENERATED}`, 'utf8'),
    );
  }, 60_000);
});
