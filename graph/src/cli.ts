import { Command } from 'commander';
import { storeConfigFromEnv } from './config';
import { openGraphStore } from './open';

const program = new Command()
  .name('pnpm graph')
  .description('ChainAtlas graph store: schema and housekeeping (SQLite by default, Neo4j when NEO4J_URI is set)');

program
  .command('migrate')
  .description('create or bring forward the schema (SQLite migrations; Neo4j constraints and indexes), idempotently')
  .action(async () => {
    const config = storeConfigFromEnv();
    const store = await openGraphStore(config);
    const where = config.kind === 'neo4j' ? config.neo4j?.uri : config.sqlitePath;
    console.log(`schema up to date: ${store.kind} at ${where}`);
    await store.close();
  });

program
  .command('stats')
  .description('count articles, entities and relations by type')
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    const store = await openGraphStore();
    const stats = await store.stats();
    await store.close();
    if (options.json) {
      console.log(JSON.stringify(stats, null, 2));
      return;
    }
    console.log(`articles ${stats.articles}, entities ${stats.entities}, relations ${stats.relations}, evidence ${stats.evidence}`);
    for (const [type, n] of Object.entries(stats.entitiesByType)) console.log(`  ${type.padEnd(16)} ${n}`);
    for (const [type, n] of Object.entries(stats.relationsByType)) console.log(`  ${type.padEnd(16)} ${n}`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`pnpm graph: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
