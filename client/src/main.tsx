// The bench page loads Cytoscape alone; the explorer loads React, i18n and its styles.
const bench = Number(new URLSearchParams(location.search).get('bench'));
if (bench > 0) {
  void import('./bench').then((m) => m.startBench(bench));
} else {
  void import('./boot');
}
