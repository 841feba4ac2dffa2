import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines for pipes and files (what log collectors read); readable lines on a terminal,
 * where someone typed `pnpm start`. CHAIN_ATLAS_LOG_FORMAT=json|pretty overrides the guess.
 */
export function logFormat(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): LogFormat {
  const asked = env.CHAIN_ATLAS_LOG_FORMAT;
  if (asked === 'json' || asked === 'pretty') return asked;
  if (asked) throw new Error(`CHAIN_ATLAS_LOG_FORMAT is json or pretty, not ${asked}`);
  return stream.isTTY ? 'pretty' : 'json';
}

export function createLogger(stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): Logger {
  const level = env.LOG_LEVEL ?? 'info';
  if (logFormat(stream, env) === 'json') return pino({ level }, stream);
  // In this thread and synchronous: a transport's worker could lose the last lines of a crash.
  return pino({ level }, pretty({ destination: stream, sync: true, colorize: !!stream.isTTY, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
}
