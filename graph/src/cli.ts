import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readRecords, writeRecords } from './backup';
import { storeConfigFromEnv, userPath } from './config';
import { openGraphStore } from './open';
import type { ArticleExtraction } from './model';
import { entityId } from './ids';
import { syntheticGraph } from './synthetic';

const program = new Command()
  .name('pnpm graph')
  .description('ChainAtlas graph store: schema and housekeeping (SQLite by default, Neo4j when NEO4J_URI is set)');

program
  .command('migrate')
  .description('create or bring forward the schema (SQLite migrations; Neo4j constraints and indexes), idempotently')
  .action(async () => {
    const config = storeConfigFromEnv();
    if (config.kind === 'neo4j' && config.neo4j) {
      // Connecting to Neo4j only checks the schema; creating it needs schema privileges and time.
      const { Neo4jGraphStore } = await import('./neo4j/store');
      await Neo4jGraphStore.migrateDatabase(config.neo4j);
      console.log(`schema up to date: neo4j at ${config.neo4j.uri}`);
      return;
    }
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
    const config = storeConfigFromEnv();
    if (config.kind === 'sqlite' && !existsSync(config.sqlitePath)) throw new Error(`there is no graph at ${config.sqlitePath} (CHAIN_ATLAS_DB)`);
    const store = await openGraphStore(config);
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

program
  .command('export')
  .description('write the whole graph (articles, entities, relations, evidence, aliases, merges) as JSON Lines')
  .argument('<file>', 'where to write, e.g. backup.jsonl')
  .action(async (typed: string) => {
    const file = userPath(typed);
    const config = storeConfigFromEnv();
    // Opening a SQLite path that is not there would create an empty graph and export it as
    // if it were the one meant: a mistyped CHAIN_ATLAS_DB must be an error.
    if (config.kind === 'sqlite' && !existsSync(config.sqlitePath)) {
      throw new Error(`there is no graph at ${config.sqlitePath} (CHAIN_ATLAS_DB); nothing exported`);
    }
    const store = await openGraphStore(config);
    try {
      const n = await writeRecords(file, store.exportRecords());
      console.log(`exported ${n} records from ${store.kind} to ${file} (${Math.round((await stat(file)).size / 1024)} KiB)`);
    } finally {
      await store.close();
    }
  });

program
  .command('import')
  .description('restore a graph exported with `export` into an empty store, all or nothing')
  .argument('<file>', 'a JSON Lines export')
  .option('--to <store>', 'sqlite or neo4j (neo4j needs NEO4J_URI); default: the configured store')
  .action(async (typed: string, options: { to?: string }) => {
    const file = userPath(typed);
    const config = storeConfigFromEnv();
    if (options.to === 'neo4j' && config.kind !== 'neo4j') throw new Error('--to neo4j needs NEO4J_URI (and NEO4J_USERNAME/NEO4J_PASSWORD)');
    if (options.to && !['sqlite', 'neo4j'].includes(options.to)) throw new Error(`--to takes sqlite or neo4j, not ${options.to}`);
    const store = await openGraphStore(options.to === 'sqlite' ? { ...config, kind: 'sqlite' } : config);
    const where = store.kind === 'sqlite' ? config.sqlitePath : config.neo4j?.uri;
    try {
      const report = await store.importRecords(readRecords(file));
      console.log(
        `imported into ${store.kind} at ${where}: ${report.articles} articles, ${report.entities} entities, ${report.relations} relations, ` +
          `${report.evidence} evidence, ${report.redirects} redirects, ${report.curations} curations`,
      );
    } finally {
      await store.close();
    }
  });

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
    return n;
  };
}

program
  .command('synth')
  .description('fill an empty graph with a generated Chongqing (districts, clusters, hub enterprises, projects, articles) to try the explorer at scale')
  .requiredOption('--relations <n>', 'how many relations (entities are about a tenth)', wholeNumber(100, 5_000_000))
  .option('--seed <n>', 'the same seed makes the same graph', wholeNumber(0, 2 ** 31), 1)
  .action(async (options: { relations: number; seed: number }) => {
    const config = storeConfigFromEnv();
    const store = await openGraphStore(config);
    const where = store.kind === 'sqlite' ? config.sqlitePath : config.neo4j?.uri;
    try {
      // Generated companies mixed into real news would pass for facts: only an empty graph.
      const before = await store.stats();
      if (before.articles + before.entities > 0) {
        throw new Error(`the graph at ${where} already holds ${before.articles} articles; point CHAIN_ATLAS_DB at a new file, e.g. CHAIN_ATLAS_DB=data/synthetic.sqlite`);
      }
      const graph = syntheticGraph({ relations: options.relations, seed: options.seed });
      let batch: ArticleExtraction[] = [];
      let loaded = 0;
      const flush = async () => {
        for (const outcome of await store.upsertArticles(batch)) if (!outcome.ok) throw outcome.error;
        loaded += batch.length;
        batch = [];
        if (process.stderr.isTTY) process.stderr.write(`\rloaded ${loaded} of ${graph.articles} articles`);
      };
      for (const extraction of graph.extractions()) {
        batch.push(extraction);
        if (batch.length === 200) await flush();
      }
      if (batch.length) await flush();
      if (process.stderr.isTTY) process.stderr.write('\n');
      const stats = await store.stats();
      console.log(`generated into ${store.kind} at ${where}: ${stats.articles} articles, ${stats.entities} entities, ${stats.relations} relations`);
      // The hubs are what is worth searching for first.
      const sample = graph.sample('Enterprise', 300).map((e) => entityId('Enterprise', e.name));
      const degrees = await store.degrees(sample);
      const names = new Map(graph.sample('Enterprise', 300).map((e) => [entityId('Enterprise', e.name), e.name]));
      const hubs = [...degrees].sort((a, b) => b[1] - a[1]).slice(0, 3);
      console.log(`hubs to search for: ${hubs.map(([id, d]) => `${names.get(id)} (${d} relations)`).join(', ')}`);
    } finally {
      await store.close();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`pnpm graph: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
