import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { validate } from './graphql';
import type { ApiContext } from './context';
import { apiError } from './errors';
import type { ApiLimits } from './limits';

/**
 * A list field costs its page size times what one item costs. The page size is capped at
 * the largest the resolver accepts, so an oversized `first` is answered by the resolver's
 * clearer BAD_USER_INPUT rather than here.
 */
function pageSizeEstimator(limits: ApiLimits): ComplexityEstimator {
  return ({ args, childComplexity, field }) => {
    const size = (name: string, fallback: number, max: number) => {
      const v = args[name];
      return Math.min(typeof v === 'number' && v > 0 ? v : fallback, max);
    };
    switch (field.name) {
      case 'neighbourhood':
        // nodes and edges both grow with the limit.
        return 1 + size('limit', 200, limits.maxNeighbourhoodLimit) * Math.max(1, childComplexity);
      case 'paths':
        return 1 + size('first', 5, limits.maxPaths) * size('maxLength', 4, limits.maxPathLength) * Math.max(1, childComplexity);
      case 'relations':
        return 1 + size('first', 50, limits.maxPageSize) * Math.max(1, childComplexity);
      case 'search':
        return 1 + size('first', 20, limits.maxPageSize) * Math.max(1, childComplexity);
      case 'articles':
        // Query.articles is paged; Entity.articles is every article mentioning the entity.
        return 1 + size('first', 20, limits.maxPageSize) * Math.max(1, childComplexity);
      default:
        return undefined;
    }
  };
}

/**
 * The limits that look at the whole operation before anything runs: depth, estimated cost,
 * and that mutations carry the token. Checked once the operation is known (variables
 * included), so `first: $n` is priced by its value.
 */
export function limitsPlugin(limits: ApiLimits): ApolloServerPlugin<ApiContext> {
  const depthRule = depthLimit(limits.maxDepth);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, contextValue }) {
          let depthErrors;
          try {
            depthErrors = validate(schema, document, [depthRule]);
          } catch {
            // graphql-depth-limit throws on documents the standard rules already refused
            // (unknown or cyclic fragments); those never get here, so this is a safety net.
            throw apiError('QUERY_TOO_COMPLEX', 'the query could not be measured');
          }
          if (depthErrors.length) {
            throw apiError('QUERY_TOO_COMPLEX', `the query is nested deeper than ${limits.maxDepth} levels`, {
              maxDepth: limits.maxDepth,
            });
          }
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pageSizeEstimator(limits), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (err) {
            const message = err instanceof Error ? err.message : 'invalid variables';
            // graphql-query-complexity gives up on documents with too many fields (10,000
            // aliases): that is a query too big, not a wrong argument.
            if (/maximum allowed number of nodes/u.test(message)) throw apiError('QUERY_TOO_COMPLEX', 'the query has too many fields');
            // Pricing coerces the variables first; ones that do not fit their types are the
            // caller's mistake, which execution would report the same way.
            throw apiError('BAD_USER_INPUT', message);
          }
          if (complexity > limits.maxComplexity) {
            throw apiError('QUERY_TOO_COMPLEX', `the query would cost ${complexity}, more than the ${limits.maxComplexity} allowed`, {
              complexity,
              maxComplexity: limits.maxComplexity,
            });
          }
          if (operation?.operation === 'mutation' && !contextValue.authorized) {
            throw apiError('UNAUTHENTICATED', "changes need the header 'Authorization: Bearer <CHAIN_ATLAS_TOKEN>'");
          }
        },
      };
    },
  };
}

/** One log line per operation: what ran, how long, and which error codes it answered. */
export function loggingPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, operationName }) {
          contextValue.logger.info(
            {
              operation: operationName ?? request.operationName ?? null,
              ms: Math.round((performance.now() - started) * 10) / 10,
              errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql',
          );
        },
      };
    },
  };
}
