import type { Driver, SessionConfig } from 'neo4j-driver';
import { query } from '@chain-atlas/cypher';
import { NEO4J_QUERIES } from './queries';
import type { QueryName } from './queries';

// A driver without a server, for the query-shape tests: it records every session (with its
// configuration), every transaction (managed read, managed write, or auto-commit) and every
// statement run in it (which .cypher file, with which parameters), and answers with the rows
// the test's script gives. Like neo4j/graphql's TCK, the tests then assert the Cypher and
// parameters each store operation generates; what the server does with them is for the live
// tests (NEO4J_URI) and the EXPLAIN expectations in plans.ts.

export type TxMode = 'read' | 'write' | 'auto';

export interface RecordedCall {
  /** The query file, or `schema` for a statement of cypher/schema. */
  name: QueryName | 'schema';
  text: string;
  params: Record<string, unknown>;
  mode: TxMode;
  /** Which transaction (1, 2, …) and which attempt of it (a replayed write runs twice). */
  tx: number;
  attempt: number;
  session: number;
}

export interface ScriptContext {
  attempt: number;
  calls: readonly RecordedCall[];
}

export type Script = (name: QueryName | 'schema', params: Record<string, unknown>, context: ScriptContext) => Record<string, unknown>[];

export interface ScriptedDriverOptions {
  /**
   * Runs every managed write twice, as the driver does when a commit succeeded but its answer
   * was lost (a connection dropped during COMMIT): the second attempt sees what the first wrote,
   * as far as the script models it, and its result is the one returned.
   */
  replayWrites?: boolean;
}

const nameOfText = new Map(Object.keys(NEO4J_QUERIES).map((name) => [query(name), name as QueryName]));

export function scriptedDriver(script: Script = () => [], options: ScriptedDriverOptions = {}) {
  const calls: RecordedCall[] = [];
  const sessions: SessionConfig[] = [];
  let txCount = 0;

  const execute = (mode: TxMode, session: number, tx: number, attempt: number) => async (text: string, params: Record<string, unknown> = {}) => {
    const name = nameOfText.get(text) ?? (/^\s*(?:\/\/[^\n]*\n)*\s*(?:CREATE|DROP) /u.test(text) ? 'schema' : undefined);
    if (!name) throw new Error(`not a query file: ${text.slice(0, 60)}`);
    const call: RecordedCall = { name, text, params, mode, tx, attempt, session };
    calls.push(call);
    const rows = script(name, params, { attempt, calls });
    return { records: rows.map((row) => ({ toObject: () => row })) };
  };

  const session = (config: SessionConfig = {}) => {
    sessions.push(config);
    const id = sessions.length;
    const managed = (mode: 'read' | 'write') => async <T>(work: (tx: unknown) => Promise<T>) => {
      const tx = ++txCount;
      const attempts = mode === 'write' && options.replayWrites ? 2 : 1;
      let result: T | undefined;
      for (let attempt = 1; attempt <= attempts; attempt++) result = await work({ run: execute(mode, id, tx, attempt) });
      return result as T;
    };
    return {
      executeRead: managed('read'),
      executeWrite: managed('write'),
      run: (text: string, params?: Record<string, unknown>) => execute('auto', id, ++txCount, 1)(text, params),
      close: async () => {},
    };
  };
  const driver = { session, verifyConnectivity: async () => ({}), close: async () => {} } as unknown as Driver;
  return { driver, calls, sessions, names: () => calls.map((c) => c.name) };
}
