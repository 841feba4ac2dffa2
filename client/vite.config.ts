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
    },
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
