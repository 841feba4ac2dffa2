import type { GraphStore } from '@chain-atlas/graph';
import { apiError } from './errors';

/**
 * The store as one request sees it: a call started after the request's deadline, or still
 * running at it, answers TIMEOUT. The store call itself is not cancelled (SQLite is
 * synchronous; Neo4j's driver has its own timeouts) — the client is released, and no further
 * store call of this request starts.
 */
export function storeWithDeadline(store: GraphStore, deadline: number): GraphStore {
  const timeout = () => apiError('TIMEOUT', 'the request took longer than the server allows');
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || prop === 'close') return value;
      return (...args: unknown[]) => {
        const left = deadline - Date.now();
        if (left <= 0) return Promise.reject(timeout());
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(timeout()), left);
        });
        const call = Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args));
        return Promise.race([call, expired]).finally(() => clearTimeout(timer));
      };
    },
  });
}
