import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';

const bench = Number(new URLSearchParams(location.search).get('bench'));
// The bench page loads without React and the explorer, and the explorer without the bench.
if (bench > 0) {
  void import('./bench').then((m) => m.startBench(bench));
} else {
  void import('./App').then(({ App }) =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
