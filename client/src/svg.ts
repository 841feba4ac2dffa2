// Loaded on demand: the SVG exporter is only needed when someone exports.
import cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
// @ts-expect-error cytoscape-svg ships no types
import svg from 'cytoscape-svg';

let registered = false;

export function toSvg(cy: Core): string {
  if (!registered) {
    cytoscape.use(svg);
    registered = true;
  }
  return (cy as unknown as { svg: (o: object) => string }).svg({ full: true, bg: '#ffffff' });
}
