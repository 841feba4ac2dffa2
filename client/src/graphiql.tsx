// Bundled GraphiQL: Apollo's landing page pulls from a CDN, which is unreachable offline.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createFetcher, GRAPHIQL_DEFAULT_QUERY } from './graphiql-fetcher';

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <GraphiQL fetcher={createFetcher(new URL('/graphql', location.href).toString())} defaultQuery={GRAPHIQL_DEFAULT_QUERY} />,
  );
}
