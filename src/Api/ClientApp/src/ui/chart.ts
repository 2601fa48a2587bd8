// A chart (Chart.js on a canvas) that always comes with a table of the same figures: the table is what
// screen readers read (the canvas is hidden from them) and a button shows it on screen too.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { h, uid } from '../lib/dom';
import { chartSummary, chartTableHeaders, chartTableRows, type ChartData } from '../lib/chart-data';
import { POINT_STYLES, seriesColour, seriesDash } from '../lib/chart-palette';
import { emptyState } from './components';

// Only what the pages use is registered, so the bundle carries bar and line charts and nothing else.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartOptions {
  title: string;
  type: 'bar' | 'line';
  data: ChartData;
  /** Name of the label column in the table ("Hour", "Day", "Tier"). */
  xLabel: string;
  testid: string;
  /** Stack a bar chart's series. */
  stacked?: boolean;
  format?: (value: number) => string;
}

export interface ChartHandle {
  el: HTMLElement;
  destroy(): void;
}

/**
 * A `<figure>` with a caption, the canvas and its table. `data-points` on the figure is the number of bars or
 * points Chart.js laid out (read from the chart after it rendered), for tests and for checking by eye.
 */
export function chart(options: ChartOptions): ChartHandle {
  const format = options.format ?? ((v: number) => String(v));
  const captionId = uid('chart');
  const tableId = uid('chart-table');
  const headers = chartTableHeaders(options.data, options.xLabel);
  const rows = chartTableRows(options.data, format);
  const table = h(
    'div',
    { class: 'chart-table visually-hidden', id: tableId, testid: `${options.testid}-table`, 'aria-label': `${options.title}, table` },
    h(
      'table',
      null,
      h('caption', null, options.title),
      h('thead', null, h('tr', null, ...headers.map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', null, ...rows.map(([label, ...cells]) => h('tr', { testid: 'chart-row' }, h('th', { scope: 'row' }, label), ...cells.map((c) => h('td', null, c))))),
    ),
  );
  const toggle = h('button', { type: 'button', class: 'btn btn-small btn-secondary', 'aria-expanded': 'false', 'aria-controls': tableId, testid: `${options.testid}-toggle` }, 'Show table');
  toggle.addEventListener('click', () => {
    const shown = table.classList.toggle('visually-hidden') === false;
    // Shown, the table may scroll sideways on a phone: then it is a focusable region, so a keyboard can scroll it.
    // Hidden, it must not scroll (axe: scrollable-region-focusable), nor take focus.
    table.classList.toggle('table-wrap', shown);
    if (shown) {
      table.setAttribute('tabindex', '0');
      table.setAttribute('role', 'region');
    } else {
      table.removeAttribute('tabindex');
      table.removeAttribute('role');
    }
    toggle.setAttribute('aria-expanded', String(shown));
    toggle.textContent = shown ? 'Hide table' : 'Show table';
  });

  const figure = h(
    'figure',
    { class: 'chart', testid: options.testid, 'data-chart-type': options.type, 'aria-labelledby': captionId },
    h('figcaption', { id: captionId, class: 'chart-caption' }, h('span', { class: 'chart-title' }, options.title), toggle),
  );

  if (options.data.labels.length === 0) {
    figure.setAttribute('data-points', '0');
    figure.append(emptyState('No data for this chart yet.', `${options.testid}-empty`), table);
    return { el: figure, destroy: () => undefined };
  }

  // The canvas is a picture of the table below; screen readers get the table and this summary instead.
  const canvas = h('canvas', { 'aria-hidden': 'true' });
  const box = h('div', { class: 'chart-box', role: 'img', 'aria-label': chartSummary(options.title, options.data) }, canvas);
  figure.append(box, table);

  let instance: Chart | null = null;
  const draw = () => {
    instance?.destroy();
    instance = new Chart(canvas, config(options, figure, format));
  };
  // Chart.js needs the canvas in the document to size it; draw once it is attached.
  const observer = new MutationObserver(() => {
    if (figure.isConnected) {
      observer.disconnect();
      draw();
    }
  });
  queueMicrotask(() => (figure.isConnected ? draw() : observer.observe(document.body, { childList: true, subtree: true })));
  // A theme switch redraws with the new text and grid colours.
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  const onScheme = () => draw();
  scheme?.addEventListener?.('change', onScheme);

  return {
    el: figure,
    destroy: () => {
      observer.disconnect();
      scheme?.removeEventListener?.('change', onScheme);
      instance?.destroy();
      instance = null;
    },
  };
}

function config(options: ChartOptions, figure: HTMLElement, format: (v: number) => string): ChartConfiguration<'bar' | 'line'> {
  const style = getComputedStyle(figure);
  const text = style.color || '#1a1d23';
  const grid = style.getPropertyValue('--chart-grid').trim() || 'rgba(128,128,128,0.3)';
  // The theme's colours (styles.css), read when drawing: a scheme change redraws with the other theme's.
  const axis = style.getPropertyValue('--chart-axis').trim() || text;
  const tipBg = style.getPropertyValue('--chart-tooltip-bg').trim() || 'rgba(15,23,42,0.92)';
  const tipText = style.getPropertyValue('--chart-tooltip-text').trim() || '#ffffff';
  return {
    type: options.type,
    data: {
      labels: [...options.data.labels],
      datasets: options.data.series.map((s, i) => ({
        label: s.label,
        data: [...s.values],
        backgroundColor: seriesColour(i),
        borderColor: seriesColour(i),
        borderDash: options.type === 'line' ? seriesDash(i) : [],
        pointStyle: POINT_STYLES[i % POINT_STYLES.length],
        pointRadius: options.type === 'line' ? 3 : 0,
        borderWidth: 2,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // No animation: figures are read, not watched, and a chart mid-animation shows values it does not hold.
      animation: false,
      color: text,
      scales: {
        x: { stacked: options.stacked ?? false, ticks: { color: text, autoSkip: true, maxRotation: 0 }, grid: { color: grid }, border: { color: axis } },
        y: { stacked: options.stacked ?? false, beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid }, border: { color: axis } },
      },
      plugins: {
        legend: { display: options.data.series.length > 1, labels: { color: text, usePointStyle: true } },
        tooltip: { backgroundColor: tipBg, titleColor: tipText, bodyColor: tipText, footerColor: tipText, borderColor: axis, borderWidth: 1, callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.raw))}` } },
      },
    },
    plugins: [
      {
        id: 'pw-drawn-points',
        afterRender: (c) => {
          const drawn = c.data.datasets.reduce((sum, _d, i) => sum + c.getDatasetMeta(i).data.filter((e) => !(e as { skip?: boolean }).skip).length, 0);
          figure.setAttribute('data-points', String(drawn));
        },
      },
    ],
  };
}
