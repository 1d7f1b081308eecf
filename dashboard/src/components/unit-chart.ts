// A unit's 24 h temperature chart (uPlot): the profile's limits as lines, its
// alerts as shaded bands, and live readings appended as they arrive.
import uPlot from 'uplot';
import type { Alert, Series, Severity } from '../../../contracts/api.ts';
import { appendPoint, gapSeconds, toChartData, trimBefore, type ChartData } from '../chart-data.ts';
import { h } from '../dom.ts';
import { formatDateTime, formatTemp, formatTempValue } from '../format.ts';
import { t } from '../i18n.ts';
import type { Limit } from '../limits.ts';

const WINDOW_S = 24 * 3600;
const HEIGHT = 220;
const FONT = '12px "Noto Sans SC", system-ui, sans-serif';
const LIMIT_COLOURS: Record<Limit['role'], string> = { max: '#cf222e', min: '#0550ae', target: '#9a6700' };
const BAND_COLOURS: Record<Severity, string> = {
  reminder: 'rgba(0,0,0,0)',
  warning: 'rgba(212,167,44,0.16)',
  alarm: 'rgba(207,34,46,0.14)',
  critical: 'rgba(130,7,30,0.22)',
};

export interface UnitChartOptions {
  limits: Limit[];
  timeZone: string;
  /** Expected seconds between readings, for gap detection. */
  intervalS: number;
  load: (from: Date, to: Date) => Promise<Series>;
}

export interface UnitChart {
  el: HTMLElement;
  addReading(ts: string, temp: number | null): void;
  setAlerts(alerts: Alert[]): void;
  destroy(): void;
}

export function createUnitChart(opts: UnitChartOptions): UnitChart {
  const el = h('div', { class: 'chart' }, h('p', { class: 'chart-note' }, t('chart.loading')));
  let plot: uPlot | null = null;
  let data: ChartData | null = null;
  let alerts: Alert[] = [];
  let win = windowEndingAt(Date.now() / 1000);
  const pending: Array<[number, number | null]> = [];
  const resize = new ResizeObserver(() => plot?.setSize({ width: el.clientWidth, height: HEIGHT }));
  let destroyed = false;

  const now = new Date();
  opts
    .load(new Date(now.getTime() - WINDOW_S * 1000), now)
    .then((series) => {
      if (destroyed) return;
      const gapS = gapSeconds(series.bucketSeconds ?? opts.intervalS);
      data = toChartData(series.points, gapS);
      for (const [x, temp] of pending.splice(0)) appendPoint(data, x, temp, gapS);
      el.replaceChildren();
      if (!data.x.length) el.append(h('p', { class: 'chart-note overlay' }, t('chart.noData')));
      plot = new uPlot(plotOptions(data.hasRange), columns(data), el);
      showLatestWhenIdle(plot);
      resize.observe(el);
    })
    .catch((err: unknown) => {
      if (destroyed) return;
      el.replaceChildren(h('p', { class: 'chart-note error' }, t('kitchen.loadError', { msg: String((err as Error)?.message ?? err) })));
    });

  function plotOptions(hasRange: boolean): uPlot.Options {
    const tz = opts.timeZone;
    const series: uPlot.Series[] = [
      { label: t('chart.time'), value: (_u, v) => (v == null ? '—' : formatDateTime(v * 1000, tz)) },
      { label: t('chart.temp'), stroke: '#0969da', width: 2, spanGaps: false, points: { show: false }, value: (_u, v) => formatTemp(v) },
    ];
    if (hasRange) {
      const faint = { stroke: 'rgba(9,105,218,0.35)', width: 1, spanGaps: false, points: { show: false } };
      series.push({ ...faint, label: t('chart.max'), value: (_u, v) => formatTemp(v) });
      series.push({ ...faint, label: t('chart.min'), value: (_u, v) => formatTemp(v) });
    }
    const axis = { font: FONT, stroke: '#57606a', grid: { stroke: '#eaeef2', width: 1 }, ticks: { stroke: '#d0d7de', width: 1 } };
    return {
      width: Math.max(300, el.clientWidth),
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
      scales: { x: { time: true, range: () => [win.from, win.to] }, y: { range: (_u, min, max) => yRange(min, max, opts.limits) } },
      axes: [
        { ...axis, values: (_u, splits) => splits.map((s) => tickLabel(s, tz)) },
        { ...axis, size: 56, values: (_u, splits) => splits.map((v) => `${formatTempValue(v)}°`) },
      ],
      series,
      bands: hasRange ? [{ series: [2, 3], fill: 'rgba(9,105,218,0.10)' }] : [],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      hooks: { drawClear: [drawAlertBands], draw: [drawLimits], setLegend: [showLatestWhenIdle] },
    };
  }

  /** Without a hover, the legend shows the latest reading instead of dashes. */
  function showLatestWhenIdle(u: uPlot): void {
    if (u.legend.idx != null || !data) return;
    let i = data.temp.length - 1;
    while (i >= 0 && data.temp[i] == null) i--;
    if (i >= 0) u.setLegend({ idx: i }, false);
  }

  function drawAlertBands(u: uPlot): void {
    const { left, top, width, height } = u.bbox;
    const ctx = u.ctx;
    ctx.save();
    for (const a of alerts) {
      const from = Date.parse(a.firstOutAt) / 1000;
      const to = a.clearedAt ? Date.parse(a.clearedAt) / 1000 : win.to;
      const x0 = Math.max(left, u.valToPos(from, 'x', true));
      const x1 = Math.min(left + width, u.valToPos(to, 'x', true));
      if (x1 <= x0) continue;
      ctx.fillStyle = BAND_COLOURS[a.severity];
      ctx.fillRect(x0, top, Math.max(x1 - x0, 2), height);
    }
    ctx.restore();
  }

  function drawLimits(u: uPlot): void {
    const { left, width } = u.bbox;
    const ctx = u.ctx;
    const px = uPlot.pxRatio;
    ctx.save();
    ctx.font = `${12 * px}px "Noto Sans SC", system-ui, sans-serif`;
    ctx.textAlign = 'right';
    for (const lim of opts.limits) {
      const y = Math.round(u.valToPos(lim.valueC, 'y', true));
      ctx.strokeStyle = ctx.fillStyle = LIMIT_COLOURS[lim.role];
      ctx.lineWidth = (lim.role === 'target' ? 1 : 1.5) * px;
      ctx.setLineDash(lim.role === 'target' ? [2 * px, 4 * px] : [7 * px, 4 * px]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      const label = lim.role === 'max' ? 'chart.limitMax' : lim.role === 'min' ? 'chart.limitMin' : 'chart.limitTarget';
      ctx.fillText(t(label, { v: formatTemp(lim.valueC) }), left + width - 6 * px, y - 5 * px);
    }
    ctx.restore();
  }

  return {
    el,
    addReading(ts, temp) {
      const x = Date.parse(ts) / 1000;
      if (!data || !plot) {
        pending.push([x, temp]);
        return;
      }
      win = windowEndingAt(Math.max(Date.now() / 1000, x));
      if (!appendPoint(data, x, temp, gapSeconds(opts.intervalS))) return;
      trimBefore(data, win.from);
      el.querySelector('.chart-note')?.remove();
      plot.setData(columns(data));
      showLatestWhenIdle(plot);
    },
    setAlerts(next) {
      alerts = next;
      plot?.redraw(false);
    },
    destroy() {
      destroyed = true;
      resize.disconnect();
      plot?.destroy();
    },
  };
}

function windowEndingAt(toS: number): { from: number; to: number } {
  return { from: toS - WINDOW_S, to: toS };
}

function columns(d: ChartData): uPlot.AlignedData {
  return d.hasRange ? [d.x, d.temp, d.max, d.min] : [d.x, d.temp];
}

/** The y range always shows the limits, with some room around data and lines. */
function yRange(min: number | null, max: number | null, limits: Limit[]): uPlot.Range.MinMax {
  const values = [...limits.map((l) => l.valueC), ...(min == null ? [] : [min]), ...(max == null ? [] : [max])];
  if (!values.length) return [0, 10];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(2, (hi - lo) * 0.12);
  return [Math.floor(lo - pad), Math.ceil(hi + pad)];
}

/** "14:00" on the axis, "11-22" at local midnight. */
function tickLabel(s: number, timeZone: string): string {
  const full = formatDateTime(s * 1000, timeZone); // YYYY-MM-DD HH:mm:ss
  const hm = full.slice(11, 16);
  return hm === '00:00' ? full.slice(5, 10) : hm;
}
