import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { FONT } from '../cyStyle';

// ECharts, only the parts the dashboards and the timeline draw with (bars, lines, axes,
// tooltips, the range slider), on its canvas renderer.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export interface ChartProps {
  option: EChartsCoreOption;
  height: number;
  /** A bar (or point) clicked: its index in the data. */
  onPick?: (dataIndex: number) => void;
  /** The range slider moved: the first and last index it covers. */
  onZoom?: (start: number, end: number) => void;
  label: string;
  testId?: string;
}

export function Chart({ option, height, onPick, onZoom, label, testId }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const handlers = useRef({ onPick, onZoom });
  handlers.current = { onPick, onZoom };

  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      if (typeof p.dataIndex === 'number') handlers.current.onPick?.(p.dataIndex);
    });
    c.on('datazoom', () => {
      const o = c.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] };
      const z = o.dataZoom?.[0];
      if (z && typeof z.startValue === 'number' && typeof z.endValue === 'number') handlers.current.onZoom?.(z.startValue, z.endValue);
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current!);
    // For tests and scripts: the chart instances on the page, by test id.
    const w = window as unknown as { __chainAtlasCharts?: Record<string, echarts.ECharts> };
    if (testId) (w.__chainAtlasCharts ??= {})[testId] = c;
    return () => {
      resize.disconnect();
      if (testId && w.__chainAtlasCharts) delete w.__chainAtlasCharts[testId];
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
