import type { TFunction } from 'i18next';
import { ApiError } from './api';

export interface ShownError {
  /** In the page's language. */
  message: string;
  /** The server's own words, when the message is a translation of its code. */
  detail?: string;
}

/**
 * What the analyst reads of a failure: a server error by its code in the page's language (the
 * server's message kept as a detail); a known kind of failure (unreachable, auth) by its kind;
 * anything else as it came.
 */
export function explainError(e: unknown, t: TFunction): ShownError {
  if (e instanceof ApiError) {
    if (e.kind === 'graphql' && e.code && t(`errorCode.${e.code}`, { defaultValue: '' })) {
      return { message: t(`errorCode.${e.code}`), detail: e.message };
    }
    return { message: t(`errors.${e.kind}`, { msg: e.message }) };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}
