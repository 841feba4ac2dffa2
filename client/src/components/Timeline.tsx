import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { monthlyCounts, monthRange } from '../screens';
import { Chart } from './Chart';

export interface TimelineProps {
  /** The article dates of the facts on the canvas, one per evidence. */
  dates: string[];
  dateFrom: string | null;
  dateTo: string | null;
  onRange: (range: { dateFrom: string | null; dateTo: string | null }) => void;
}

/**
 * Article dates of what is on the canvas, month by month, with a range slider that sets the
 * date filter; ▶ grows the range a month at a time, so a network can be watched as it grew.
 */
export function Timeline({ dates, dateFrom, dateTo, onRange }: TimelineProps) {
  const { t } = useTranslation();
  const months = useMemo(() => monthlyCounts(dates), [dates]);
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onRangeRef = useRef(onRange);
  onRangeRef.current = onRange;

  const index = (d: string | null, fallback: number) => {
    if (!d) return fallback;
    const i = months.findIndex((m) => m.month === d.slice(0, 7));
    return i >= 0 ? i : fallback;
  };
  const start = index(dateFrom, 0);
  const end = index(dateTo, months.length - 1);

  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 16, top: 8, bottom: 44 },
      xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 }, splitNumber: 2 },
      dataZoom: [{ type: 'slider', startValue: start, endValue: end, height: 16, bottom: 6, brushSelect: true, labelFormatter: (i: number) => months[i]?.month ?? '' }],
      series: [{ name: t('timeline.facts'), type: 'bar', data: months.map((m) => m.count), itemStyle: { color: '#7d5ba6' }, barMaxWidth: 14 }],
    }),
    [months, start, end, t],
  );

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // Grow the range month by month from where it starts now.
  useEffect(() => {
    if (!playing) return;
    let i = start;
    const step = () => {
      onRangeRef.current(monthRange(months[start].month, months[i].month));
      if (i >= months.length - 1) return setPlaying(false);
      i++;
      timer.current = setTimeout(step, 700);
    };
    step();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [playing]);

  if (months.length < 2) return null;
  const zoomed = (s: number, e: number) => {
    if (timer.current) clearTimeout(timer.current);
    // The slider fires as it moves; the filter follows once it rests.
    timer.current = setTimeout(() => {
      if (s <= 0 && e >= months.length - 1) onRangeRef.current({ dateFrom: null, dateTo: null });
      else onRangeRef.current(monthRange(months[Math.max(0, s)].month, months[Math.min(months.length - 1, e)].month));
    }, 200);
  };

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-head">
        <strong>{t('timeline.title')}</strong>
        <span className="muted">{t('timeline.hint')}</span>
        <button type="button" className="mini" aria-pressed={playing} onClick={() => setPlaying((p) => !p)} aria-label={t('timeline.play')}>
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" className="mini" disabled={!dateFrom && !dateTo} onClick={() => onRange({ dateFrom: null, dateTo: null })}>
          {t('timeline.all')}
        </button>
      </div>
      <Chart option={option} height={96} label={t('timeline.title')} testId="timeline-chart" onZoom={zoomed} />
    </div>
  );
}
