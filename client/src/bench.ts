// ?bench=N: N synthetic styled elements (half nodes, half edges; &nodes=M: M nodes, the rest
// edges) on the canvas renderer, for measuring first paint, layout and panning without a
// server. Drawn as the explorer draws a big canvas (sizes by degree, labels by zoom level);
// &detail=0 draws every label, as the explorer did before.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { applyNodeSizes, labelLevels } from './canvasDetail';
import { cyStylesheet, TYPE_STYLE, wrapLabel } from './cyStyle';
import { largeGraphOptions, rendererOptions } from './cyOptions';
import { ENTITY_TYPES, RELATION_TYPES } from './types';

export interface BenchResult {
  elements: number;
  firstGraphMs: number;
  layoutMs: number;
}

export function startBench(n: number): void {
  cytoscape.use(fcose);
  const scriptStartMs = performance.now();
  const root = document.getElementById('root')!;
  root.innerHTML = '';
  const div = document.createElement('div');
  div.style.cssText = 'position:fixed;inset:0';
  root.appendChild(div);
  const params = new URLSearchParams(location.search);
  const nodes = Math.min(n - 1, Number(params.get('nodes')) || Math.ceil(n / 2));
  const edges = n - nodes;
  const els: cytoscape.ElementDefinition[] = [];
  // Deterministic pseudo-random, so runs are comparable.
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const side = Math.ceil(Math.sqrt(nodes));
  for (let i = 0; i < nodes; i++) {
    els.push({
      group: 'nodes',
      data: { id: `n${i}`, type: ENTITY_TYPES[i % 5], label: `重庆示例企业${i}号有限公司`, display: wrapLabel(`重庆示例企业${i}号有限公司`) },
      position: { x: (i % side) * 90 + rnd() * 30, y: Math.floor(i / side) * 90 + rnd() * 30 },
    });
  }
  for (let j = 0; j < edges; j++) {
    const a = j % nodes;
    // Mostly local edges, like real neighbourhoods, with some long ones.
    const b = rnd() < 0.8 ? Math.min(nodes - 1, a + 1 + Math.floor(rnd() * side)) : Math.floor(rnd() * nodes);
    els.push({ group: 'edges', data: { id: `e${j}`, source: `n${a}`, target: `n${b === a ? (a + 1) % nodes : b}`, type: RELATION_TYPES[j % 6], label: '投资 65亿元' } });
  }
  const defsMs = performance.now();
  const cy = cytoscape({
    container: div,
    style: cyStylesheet(n),
    elements: els,
    // The preset layout fits the view once (a second cy.fit would measure everything again).
    layout: { name: 'preset', fit: true, padding: 20 } as cytoscape.LayoutOptions,
    ...largeGraphOptions(n),
    ...rendererOptions(location.search),
  });
  if (params.get('detail') !== '0') {
    applyNodeSizes(cy, 'degree', (t) => TYPE_STYLE[t as keyof typeof TYPE_STYLE]?.size ?? 28);
    labelLevels(cy).refresh();
  }
  const createdMs = performance.now();
  const fitMs = performance.now();
  const w = window as unknown as { __chainAtlas?: Record<string, unknown> };
  const result: Partial<BenchResult> & { scriptStartMs: number; phases?: Record<string, number> } = { elements: n, scriptStartMs };
  w.__chainAtlas = { cy, bench: result };
  cy.one('render', () => {
    requestAnimationFrame(() => {
      // Since navigation start: page load, script, element creation, style and first paint.
      result.firstGraphMs = performance.now();
      result.phases = { defs: defsMs - scriptStartMs, create: createdMs - defsMs, fit: fitMs - createdMs, draw: result.firstGraphMs - fitMs };
    });
  });
  (w.__chainAtlas as Record<string, unknown>).layout = () =>
    new Promise<number>((resolve) => {
      const l0 = performance.now();
      const layout = cy.layout({ name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: true } as cytoscape.LayoutOptions);
      layout.one('layoutstop', () => {
        result.layoutMs = performance.now() - l0;
        resolve(result.layoutMs);
      });
      layout.run();
    });
}
