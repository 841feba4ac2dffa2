import { defineConfig } from 'vitest/config';

// One run over every package, so `pnpm test` gives one summary.
export default defineConfig({
  test: {
    projects: ['cypher', 'graph', 'seed', 'server', 'client', 'tests', 'bench'],
  },
});
