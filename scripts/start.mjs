#!/usr/bin/env node
// `pnpm start`: build the explorer when its sources are newer than the build, then serve
// everything (API, GraphiQL, explorer) from one process. The server loads the bundled
// articles into the embedded store the first time, when the store is empty.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const client = join(root, 'client');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    m = Math.max(m, newest(join(path, entry)));
  }
  return m;
}

const built = join(client, 'dist', 'index.html');
const sources = Math.max(newest(join(client, 'src')), newest(join(client, 'index.html')), newest(join(client, 'vite.config.ts')));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('chain-atlas: building the explorer (client/dist)…');
  const r = spawnSync('pnpm', ['--filter', '@chain-atlas/client', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('chain-atlas: the explorer did not build; the API still starts.');
  }
}

const server = spawn('pnpm', ['--silent', '--filter', '@chain-atlas/server', 'start'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
