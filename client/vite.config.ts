import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs so the server may mount the pages anywhere (e.g. /graphiql).
  base: './',
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: { index: here('./index.html'), graphiql: here('./graphiql.html') },
      // graphiql's bundle starts modules with "use client" (a React Server Components hint that
      // means nothing in a browser bundle); rolldown warns once per module, a wall on first start.
      // Only that warning, only from dependencies: ours would still show.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /node_modules/.test(warning.id ?? warning.message)) return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
