import { fileURLToPath } from 'node:url';

/** Where `vite build` puts the explorer (index.html) and the offline GraphiQL (graphiql.html). */
export const clientDistDir = fileURLToPath(new URL('../dist', import.meta.url));
