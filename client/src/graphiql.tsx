// Bundled GraphiQL: Apollo's landing page pulls from a CDN, which is unreachable offline.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createFetcher } from './graphiql-fetcher';

const DEFAULT_QUERY = `# ChainAtlas 产业链图谱 — try Ctrl+Enter
query Search {
  search(query: "忽米", first: 5) {
    matched
    entity { id type name aliases degree }
  }
  stats { articles entities relations }
}
`;

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <GraphiQL fetcher={createFetcher(new URL('/graphql', location.href).toString())} defaultQuery={DEFAULT_QUERY} />,
  );
}
