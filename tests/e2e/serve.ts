// Development only: `tsx tests/e2e/serve.ts` serves the built client over the real server
// and a throwaway store, for poking at the explorer by hand.
import { ensureClientBuilt, startServer } from './harness';

ensureClientBuilt();
const s = await startServer();
console.log(`explorer at ${s.url}/  graphiql at ${s.url}/graphiql`);
