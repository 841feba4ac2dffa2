import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { startBench } from './bench';

const root = createRoot(document.getElementById('root')!);
const bench = Number(new URLSearchParams(location.search).get('bench'));
if (bench > 0) startBench(bench);
else
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
