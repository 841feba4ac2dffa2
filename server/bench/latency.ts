// Latency of the API over HTTP: `tsx server/bench/latency.ts [url] [iterations]`.
// Without a url it serves the configured store itself on a free port.
import { openGraphStore } from '@chain-atlas/graph';
import { pino } from 'pino';
import { createApp } from '../src/app';
import { measureApiLatency } from '../src/latency';

const [urlArg, iterationsArg] = process.argv.slice(2);
const iterations = Number(iterationsArg ?? 50);
const store = await openGraphStore();
try {
  // Entities with the most relations: the ones an analyst opens first.
  const hits = await store.search('重庆', { limit: 20 });
  const ids = hits.map((h) => h.entity.id);
  if (ids.length === 0) throw new Error('the store is empty: load articles first (pnpm start loads the bundled ones)');
  let url = urlArg;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  if (!url) {
    app = await createApp({ store, logger: pino({ level: 'silent' }) });
    url = (await app.listen(0, '127.0.0.1')).url;
  }
  console.table(await measureApiLatency(url, ids, iterations));
  await app?.close();
} finally {
  await store.close();
}
