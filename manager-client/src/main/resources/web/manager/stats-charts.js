// The charts of the statistics page, drawn with ECharts (loaded from its WebJar as the global
// `echarts`; stats.html). Without it the tables still carry every figure.

import { t, num } from './stats-messages.js';

const charts = new Map();
const INK = '#14181d';
const MUTED = '#4a5562';
const PRIMARY = '#0b4f8a';
const FONT = { fontFamily: '"Noto Sans", "DejaVu Sans", Arial, sans-serif', fontSize: 13, color: INK };

function chart(el) {
  if (!window.echarts) {
    return null;
  }
  let c = charts.get(el);
  if (!c) {
    // SVG: crisp when printed, and no canvas fingerprint for the browser to worry about
    c = window.echarts.init(el, null, { renderer: 'svg' });
    charts.set(el, c);
  }
  return c;
}

export function resizeCharts() {
  charts.forEach((c) => c.resize());
}

/** Issued and served per day (bars) and the mean wait (line, right axis). */
export function drawTrend(el, byDay) {
  const c = chart(el);
  if (!c) {
    return;
  }
  const days = byDay.rows.map((r) => r.key.slice(5).replace('-', '/'));
  c.setOption({
    animation: false,
    textStyle: FONT,
    grid: { left: 56, right: 56, top: 56, bottom: 40 },
    legend: { top: 0, textStyle: FONT },
    xAxis: { type: 'category', data: days, axisLabel: { color: MUTED } },
    yAxis: [
      { type: 'value', name: t('visits'), minInterval: 1, axisLabel: { color: MUTED } },
      { type: 'value', name: t('minutesUnit'), axisLabel: { color: MUTED }, splitLine: { show: false } },
    ],
    series: [
      { name: t('trendIssued'), type: 'bar', data: byDay.rows.map((r) => r.issued), itemStyle: { color: '#9db7d1' } },
      { name: t('trendServed'), type: 'bar', data: byDay.rows.map((r) => r.served), itemStyle: { color: PRIMARY } },
      { name: t('trendWait'), type: 'line', yAxisIndex: 1, data: byDay.rows.map((r) => r.waitMinutes.mean),
        itemStyle: { color: '#b45309' }, lineStyle: { width: 3 }, symbolSize: 6 },
    ],
  }, true);
}

/** Called visits per 5-minute waiting-time bin. */
export function drawHistogram(el, histogram) {
  const c = chart(el);
  if (!c) {
    return;
  }
  c.setOption({
    animation: false,
    textStyle: FONT,
    grid: { left: 56, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', name: t('waitAxis'), nameLocation: 'middle', nameGap: 36,
      data: histogram.bins.map((b) => t('waitBin', b.fromMinutes, b.toMinutes)),
      // every third bin named by its start ("0", "15", "30", ...), the last as "≥ 120"
      axisLabel: { color: MUTED, interval: 0,
        formatter: (v, i) => (i === histogram.bins.length - 1 ? v : (i % 3 === 0 ? String(histogram.bins[i].fromMinutes) : '')) } },
    yAxis: { type: 'value', name: t('visits'), minInterval: 1, axisLabel: { color: MUTED } },
    series: [{ type: 'bar', data: histogram.bins.map((b) => b.visits), itemStyle: { color: PRIMARY },
      label: { show: histogram.bins.length <= 25, position: 'top', fontSize: 10, color: MUTED,
        formatter: (p) => (p.value ? num(p.value) : '') } }],
  }, true);
}

/** Arrivals by weekday (rows) and hour (columns), 06.00-18.00 unless arrivals fall outside. */
export function drawHeatmap(el, heatmap) {
  const c = chart(el);
  if (!c) {
    return;
  }
  let first = 6;
  let last = 17;
  heatmap.cells.forEach((cell) => {
    first = Math.min(first, cell.hour);
    last = Math.max(last, cell.hour);
  });
  const hours = [];
  for (let hour = first; hour <= last; hour++) {
    hours.push(`${String(hour).padStart(2, '0')}.00`);
  }
  const data = [];
  let max = 1;
  heatmap.grid.forEach((row, wd) => row.forEach((n, hour) => {
    if (hour >= first && hour <= last) {
      data.push([hour - first, wd, n]);
      max = Math.max(max, n);
    }
  }));
  c.setOption({
    animation: false,
    textStyle: FONT,
    grid: { left: 56, right: 24, top: 8, bottom: 64 },
    xAxis: { type: 'category', data: hours, splitArea: { show: true }, axisLabel: { color: MUTED } },
    yAxis: { type: 'category', data: t('weekdays'), inverse: true, splitArea: { show: true }, axisLabel: { color: MUTED } },
    visualMap: { min: 0, max, calculable: false, text: t('fewMany'), orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160,
      inRange: { color: ['#f4f7fa', '#cfe0f0', '#86b3dc', '#4a8ac4'] }, textStyle: FONT },
    series: [{ type: 'heatmap', data, label: { show: true, fontSize: 11, formatter: (p) => (p.value[2] ? num(p.value[2]) : '') },
      emphasis: { disabled: true } }],
  }, true);
}
