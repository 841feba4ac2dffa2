import { GraphQLError, type GraphQLFormattedError } from './graphql';
import { GraphStoreError } from '@chain-atlas/graph';

/** The codes a client can branch on (`errors[].extensions.code`). */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'PAYLOAD_TOO_LARGE'
  | 'BATCH_TOO_LARGE'
  | 'RESPONSE_TOO_LARGE'
  | 'TIMEOUT'
  | 'STORE_BUSY'
  | 'BAD_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'MISDIRECTED_REQUEST'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<ApiErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  QUERY_TOO_COMPLEX: 400,
  PAYLOAD_TOO_LARGE: 413,
  BATCH_TOO_LARGE: 400,
  RESPONSE_TOO_LARGE: 400,
  STORE_BUSY: 503,
};

export function apiError(code: ApiErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extra, ...(status ? { http: { status } } : {}) },
  });
}

export const badInput = (message: string, extra?: Record<string, unknown>) => apiError('BAD_USER_INPUT', message, extra);
export const notFound = (message: string) => apiError('NOT_FOUND', message);
export const responseTooLarge = (maxResponseBytes: number) =>
  apiError('RESPONSE_TOO_LARGE', `the answer would be larger than ${maxResponseBytes} bytes; ask for fewer or smaller parts`, {
    maxResponseBytes,
  });

/** The store speaks its own codes; the API speaks GraphQL's. */
export function fromStoreError(err: GraphStoreError): GraphQLError {
  switch (err.code) {
    case 'NOT_FOUND':
      return apiError('NOT_FOUND', err.message);
    case 'BAD_INPUT':
      return apiError('BAD_USER_INPUT', err.message);
    case 'CONFLICT':
      return apiError('CONFLICT', err.message);
    default:
      return new GraphQLError(err.message, { extensions: { code: 'INTERNAL_SERVER_ERROR' }, originalError: err });
  }
}

/** What was thrown, under the GraphQLError layers that graphql and Apollo wrap around it. */
function rootCause(error: unknown): unknown {
  let e = error;
  for (let i = 0; i < 5; i++) {
    const inner = (e as { originalError?: unknown } | null)?.originalError;
    if (!inner) break;
    e = inner;
  }
  return e;
}

export interface ErrorFormatOptions {
  production: boolean;
  onInternalError?: (error: unknown, formatted: GraphQLFormattedError) => void;
}

/**
 * Gives every error a code, turns store errors into API errors, and in production hides
 * what an internal failure says (it may name tables or files) and every stack trace.
 */
export function createErrorFormatter(options: ErrorFormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = rootCause(error);
    if (original instanceof GraphStoreError) {
      const mapped = fromStoreError(original);
      if (mapped.extensions.code !== 'INTERNAL_SERVER_ERROR') {
        return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions } };
      }
    }
    // Apollo files errors our validation rules report under GRAPHQL_VALIDATION_FAILED, and a
    // parse stopped by the token limit under GRAPHQL_PARSE_FAILED (graphql 16 words it "more that"): both are a query too big.
    const ownCode = (original as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof ownCode === 'string' && ownCode in HTTP_STATUS) {
      return { ...formatted, extensions: { ...(original as { extensions: Record<string, unknown> }).extensions } };
    }
    // graphql's own validation gives up ("Validation aborted.") on documents whose fields
    // overlap too much to compare: also a query too big.
    const tooBig =
      (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/u.test(formatted.message)) ||
      (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Validation aborted.');
    if (tooBig) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    // Apollo answers a persisted-query hash that does not match its query as an internal
    // error; it is the client's.
    if (formatted.message === 'provided sha does not match query') {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    const code = (formatted.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'INTERNAL_SERVER_ERROR') {
      options.onInternalError?.(original, formatted);
      if (options.production) {
        return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code } };
      }
    }
    const extensions: Record<string, unknown> = { ...formatted.extensions, code };
    if (options.production) delete extensions.stacktrace;
    return { ...formatted, extensions };
  };
}
