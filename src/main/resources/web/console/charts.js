// Charts drawn with uPlot (from its WebJar). Each chart has a table with the same figures beside it, and its
// lines differ by dash as well as colour.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { h } from './dom.js';

const LINES = [
  { stroke: '#1d70b8', width: 2 },
  { stroke: '#d4351c', width: 2, dash: [8, 4] },
  { stroke: '#505a5f', width: 1, dash: [2, 3] },
];

/**
 * A line chart of percentages by month. {@code series}: [{label, values}], values aligned with {@code months}
 * (ISO first days); null is a gap.
 */
export function percentChart(title, months, series) {
  const box = h('figure', { class: 'console-chart', 'aria-hidden': 'true' });
  const width = Math.min(960, Math.max(320, (document.getElementById('view').clientWidth || 960) - 20));
  const x = months.map(m => Date.parse(m + 'T12:00:00Z') / 1000);
  const options = {
    title,
    width,
    height: 280,
    scales: { y: { range: [0, 100] } },
    axes: [{}, { values: (u, ticks) => ticks.map(t => t + '%') }],
    series: [{}].concat(series.map((s, i) => Object.assign({ label: s.label, spanGaps: false }, LINES[i % LINES.length]))),
  };
  // Drawn once the figure is in the page, so it knows its size.
  requestAnimationFrame(() => new uPlot(options, [x].concat(series.map(s => s.values)), box));
  return box;
}
