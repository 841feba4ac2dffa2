import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The node side of the client package: where its build lives and how to get a fresh one.
// (The browser code never imports this file.)

const CLIENT = fileURLToPath(new URL('..', import.meta.url));

/** Where `vite build` puts the explorer (index.html) and the offline GraphiQL (graphiql.html). */
export const clientDistDir = join(CLIENT, 'dist');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

/** Builds the client when dist is missing or older than its sources (a build costs ~10 s). */
export function ensureClientBuilt(): void {
  const index = join(clientDistDir, 'index.html');
  const sources = Math.max(
    newest(join(CLIENT, 'src')),
    newest(join(CLIENT, 'index.html')),
    newest(join(CLIENT, 'graphiql.html')),
    newest(join(CLIENT, 'vite.config.ts')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('pnpm', ['--filter', '@chain-atlas/client', 'build'], { cwd: join(CLIENT, '..'), stdio: 'pipe' });
}
