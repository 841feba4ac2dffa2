// Cytoscape options shared by the explorer's canvas and the ?bench page (no React here, so
// the bench page loads Cytoscape alone).

export const LARGE_GRAPH = 2000;

/**
 * Past a couple of thousand elements: a cached texture while the analyst drags or zooms,
 * no high-DPI rendering, no motion blur. Cytoscape's own levers for keeping interaction fluid.
 */
export function largeGraphOptions(elements: number): Record<string, unknown> {
  return elements > LARGE_GRAPH ? { textureOnViewport: true, pixelRatio: 1, motionBlur: false } : {};
}

/** ?renderer=webgl opts into Cytoscape's WebGL renderer; tests and default use canvas. */
export function rendererOptions(search: string): Record<string, unknown> {
  return new URLSearchParams(search).get('renderer') === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {};
}
