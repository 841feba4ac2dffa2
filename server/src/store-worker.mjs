// The entry of a store worker thread (see pool.ts). Workers load TypeScript sources like the
// server does, whatever started the server (tsx, vitest): tsx is registered here first.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./store-worker.ts');
export default run;
