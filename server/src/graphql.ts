import { createRequire } from 'node:module';
import type * as GraphQLModule from 'graphql';

// graphql 16 has no "exports" map: Node (and so Apollo Server) loads its CommonJS build,
// while Vite-based runners (vitest) resolve a plain `import 'graphql'` in our sources to the
// ESM build — a second copy, whose GraphQLError and GraphQLSchema the first does not
// recognise ("Cannot use GraphQLSchema from another module or realm", error codes lost).
// Taking graphql the way Node hands it to Apollo keeps one copy under every runner.
const graphql = createRequire(import.meta.url)('graphql') as typeof GraphQLModule;

export const { GraphQLError, validate, printSchema, buildSchema } = graphql;
export type GraphQLError = GraphQLModule.GraphQLError;
export type { GraphQLFormattedError } from 'graphql';
