// Bundled GraphiQL: Apollo's landing page pulls from a CDN, which is unreachable offline.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createFetcher } from './graphiql-fetcher';

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(<GraphiQL fetcher={createFetcher(new URL('graphql', new URL('/', location.href)).toString())} />);
}
