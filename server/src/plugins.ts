import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { OperationDefinitionNode, ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApiContext } from './context';
import { apiError, responseTooLarge } from './errors';
import type { ApiLimits } from './limits';

/**
 * Fields that answer every entity at the other end of some relations, with no page size:
 * the estimate prices them at `listCostEstimate` items, and resolving them counts against
 * `maxListItems` (see `spendListItems`).
 */
export const UNPAGED_LISTS: Readonly<Record<string, readonly string[]>> = {
  District: ['enterprises', 'clusters', 'projects', 'platforms', 'articles'],
  Cluster: ['leaders', 'members', 'articles'],
  Enterprise: ['districts', 'clusters', 'projects', 'platforms', 'partners', 'suppliers', 'customers', 'articles'],
  Platform: ['operators', 'partners', 'articles'],
  Project: ['investors', 'articles'],
  Entity: ['articles'],
};

/**
 * Most selections the cost estimate walks before it calls the query too big. The estimate
 * follows every fragment spread anew, so this is what keeps it linear in what it may
 * read: a document whose fragments fan out (`...G` twice per level) stops here.
 */
const MAX_ESTIMATED_SELECTIONS = 10_000;

/**
 * A list field costs its page size times what one item costs. The page size is capped at
 * the largest the resolver accepts, so an oversized `first` is answered by the resolver's
 * clearer BAD_USER_INPUT rather than here.
 */
function pageSizeEstimator(limits: ApiLimits): ComplexityEstimator {
  return ({ args, childComplexity, field, type }) => {
    const size = (name: string, fallback: number, max: number) => {
      const v = args[name];
      return Math.min(typeof v === 'number' && v > 0 ? v : fallback, max);
    };
    const each = Math.max(1, childComplexity);
    switch (field.name) {
      case 'neighbourhood':
        // nodes and edges both grow with the limit.
        return 1 + size('limit', 200, limits.maxNeighbourhoodLimit) * each;
      case 'neighbours':
        return 1 + size('first', 100, limits.maxNeighbourhoodLimit) * each;
      case 'paths':
        return 1 + size('first', 5, limits.maxPaths) * size('maxLength', 4, limits.maxPathLength) * each;
      case 'chain':
        // Each layer may carry as many entities again as the chain itself.
        return 1 + size('limit', 300, limits.maxNeighbourhoodLimit) * (1 + (Array.isArray(args.layers) ? args.layers.length : 0)) * each;
      case 'facts':
        return 1 + size('first', 20, limits.maxPageSize) * each;
      case 'relations':
        // A review-queue page is priced once, by reviewQueue's own 'first'.
        if (type.name === 'ReviewQueue') return 1 + each;
        return 1 + size('first', 50, limits.maxPageSize) * each;
      case 'search':
        return 1 + size('first', 20, limits.maxPageSize) * each;
      case 'reviewQueue':
        return 1 + size('first', 20, limits.maxPageSize) * each;
      case 'articles':
        if (type.name === 'Query') return 1 + size('first', 20, limits.maxPageSize) * each;
        return 1 + limits.listCostEstimate * each;
      default:
        if (UNPAGED_LISTS[type.name]?.includes(field.name)) return 1 + limits.listCostEstimate * each;
        return undefined;
    }
  };
}

/**
 * Depth, aliases and directives, counted by graphql-armor's rules while the standard
 * validation walks the document: each fragment is measured once, however often it is spread.
 */
export function limitRules(limits: ApiLimits): ValidationRule[] {
  const refuse = (what: string, limit: number, extra: Record<string, unknown>) => ({
    propagateOnRejection: false,
    onReject: [
      (context: { reportError(e: unknown): void } | null) =>
        context?.reportError(apiError('QUERY_TOO_COMPLEX', `the query has ${what} than the ${limit} allowed`, extra)),
    ],
  });
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ...refuse('selections nested deeper', limits.maxDepth, { maxDepth: limits.maxDepth }),
    }),
    maxAliasesRule({ n: limits.maxAliases, ...refuse('more aliases', limits.maxAliases, { maxAliases: limits.maxAliases }) }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      ...refuse('more directives', limits.maxDirectives, { maxDirectives: limits.maxDirectives }),
    }),
  ] as unknown as ValidationRule[];
}

/**
 * The estimated cost and that mutations carry the token, once the operation is known
 * (variables included, so `first: $n` is priced by its value) and before anything runs.
 */
export function limitsPlugin(limits: ApiLimits): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, contextValue }) {
          if (operation?.operation === 'subscription') {
            throw apiError('BAD_REQUEST', 'this API has no subscriptions', { http: { status: 400 } });
          }
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              maxQueryNodes: MAX_ESTIMATED_SELECTIONS,
              estimators: [pageSizeEstimator(limits), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (err) {
            const message = err instanceof Error ? err.message : 'invalid variables';
            if (/maximum allowed number of nodes/u.test(message)) {
              throw apiError('QUERY_TOO_COMPLEX', `the query selects more than ${MAX_ESTIMATED_SELECTIONS} fields`, {
                maxSelections: MAX_ESTIMATED_SELECTIONS,
              });
            }
            // Pricing coerces the variables first; ones that do not fit their types are the
            // caller's mistake, which execution would report the same way.
            throw apiError('BAD_USER_INPUT', message, { http: { status: 400 } });
          }
          if (complexity > limits.maxComplexity) {
            throw apiError('QUERY_TOO_COMPLEX', `the query would cost ${complexity}, more than the ${limits.maxComplexity} allowed`, {
              complexity,
              maxComplexity: limits.maxComplexity,
            });
          }
          if (operation?.operation === 'mutation' && !contextValue.authorized && !onlyOpenMutations(operation)) {
            throw apiError('UNAUTHENTICATED', "changes need the header 'Authorization: Bearer <CHAIN_ATLAS_TOKEN>'");
          }
        },
      };
    },
  };
}

/**
 * An answer over `maxResponseBytes` is replaced by RESPONSE_TOO_LARGE. Article texts, its
 * usual bulk, are counted as they are read and stop the request early; this catches the rest.
 */
export function responseSizePlugin(limits: ApiLimits): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (bytes <= limits.maxResponseBytes) return;
          const { message, extensions } = responseTooLarge(limits.maxResponseBytes);
          const { http: _http, ...shown } = extensions;
          response.body.singleResult = { errors: [{ message, extensions: shown }] };
          response.http.status = 400;
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

/** Mutations anyone may call: saving a view, and deleting one with the key its saving gave. */
const OPEN_MUTATIONS = new Set(['saveView', 'deleteView']);

function onlyOpenMutations(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === 'Field' && OPEN_MUTATIONS.has(s.name.value));
}
