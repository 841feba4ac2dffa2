import { GraphStoreError } from '@chain-atlas/graph';
import { describe, expect, it } from 'vitest';
import { createErrorFormatter } from './errors';
import { GraphQLError } from './graphql';

const internal = { message: 'ENOENT /srv/secret.sqlite', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } };

describe('error formatting', () => {
  it('maps the store’s codes to the API’s', () => {
    const format = createErrorFormatter({ production: true });
    const wrap = (e: Error) => new GraphQLError(e.message, { originalError: e });
    expect(format({ message: 'x' }, wrap(new GraphStoreError('NOT_FOUND', 'no entity a:b'))).extensions?.code).toBe('NOT_FOUND');
    expect(format({ message: 'x' }, wrap(new GraphStoreError('BAD_INPUT', 'bad'))).extensions?.code).toBe('BAD_USER_INPUT');
    expect(format({ message: 'x' }, wrap(new GraphStoreError('STORE_FAILURE', 'db gone'))).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('hides internal messages and stack traces in production only', () => {
    const prod = createErrorFormatter({ production: true })(internal, new Error(internal.message));
    expect(prod).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const dev = createErrorFormatter({ production: false })(internal, new Error(internal.message));
    expect(dev.message).toBe(internal.message);
    expect(dev.extensions?.stacktrace).toBeDefined();
  });

  it('keeps a coded error’s message for the user, without its stack in production', () => {
    const f = createErrorFormatter({ production: true })(
      { message: 'first: must be at most 100', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at y.ts:2'] } },
      new Error('x'),
    );
    expect(f).toEqual({ message: 'first: must be at most 100', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
