import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsFromEnv } from './limits';
import { entityIdArg, intArg } from './validate';

describe('limits', () => {
  it('defaults to the documented values', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toMatchObject({ maxDepth: 10, maxPageSize: 100, maxNeighbourhoodLimit: 2000, maxNeighbourhoodDepth: 3, maxPathLength: 6 });
  });

  it('reads each limit from its env var and refuses a malformed one', () => {
    expect(limitsFromEnv({ CHAIN_ATLAS_MAX_PAGE_SIZE: '250', CHAIN_ATLAS_MAX_DEPTH: '' })).toMatchObject({ maxPageSize: 250, maxDepth: 10 });
    expect(() => limitsFromEnv({ CHAIN_ATLAS_MAX_DEPTH: 'deep' })).toThrow(/CHAIN_ATLAS_MAX_DEPTH/);
    expect(() => limitsFromEnv({ CHAIN_ATLAS_REQUEST_TIMEOUT_MS: '-5' })).toThrow(/positive/);
  });

  it('checks arguments against them with BAD_USER_INPUT naming the argument', () => {
    expect(intArg(100, 'first', 1, 100)).toBe(100);
    expect(() => intArg(101, 'first', 1, 100)).toThrow(/first: must be at most 100/);
    expect(() => entityIdArg('company:x')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(entityIdArg('enterprise:重庆长安汽车股份有限公司')).toBe('enterprise:重庆长安汽车股份有限公司');
  });
});
