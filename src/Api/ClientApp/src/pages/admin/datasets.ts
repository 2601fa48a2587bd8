// Admin: analytics datasets — any output of any period, paged and sorted on the server, and its CSV.

import { ApiError } from '../../api/client';
import { downloadDatasetCsv, getDatasetPage } from '../../api/endpoints';
import type { DatasetPage } from '../../api/types';
import { JOBS, cellText, jobInfo, lastCompletedPeriod, nextSort, periodShapeError, type DatasetQuery, type SortDirection } from '../../lib/analytics';
import { h, replace } from '../../lib/dom';
import type { PageContext } from '../../lib/router';
import { StatusLine, busy, clearFieldErrors, emptyState, field, input, loading, pageHeader, select, showFieldErrors, showFormError } from '../../ui/components';

const PAGE_SIZE = 50;

export async function datasetsPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine('datasets-status');
  const initialJob = jobInfo(ctx.query.get('job') ?? '') ?? JOBS[0]!;
  const query: DatasetQuery = {
    job: initialJob.job,
    period: ctx.query.get('period') ?? lastCompletedPeriod(initialJob.kind, new Date()),
    dataset: initialJob.datasets.includes(ctx.query.get('dataset') ?? '') ? ctx.query.get('dataset')! : initialJob.datasets[0]!,
    page: Math.max(1, Number(ctx.query.get('page') ?? '1') || 1),
    pageSize: PAGE_SIZE,
    sortBy: ctx.query.get('sortBy') || undefined,
    direction: ctx.query.get('direction') === 'desc' ? 'desc' : 'asc',
  };

  const job = select(JOBS.map((j) => [j.job, j.label] as const), query.job);
  const period = input('text', { required: true, autocomplete: 'off', spellcheck: 'false', value: query.period });
  const dataset = select([], '');
  const fillDatasets = (chosen?: string) => {
    const info = jobInfo(job.value)!;
    replace(dataset, ...info.datasets.map((d) => h('option', { value: d }, d)));
    dataset.value = chosen && info.datasets.includes(chosen) ? chosen : info.datasets[0]!;
  };
  fillDatasets(query.dataset);
  job.addEventListener('change', () => {
    fillDatasets();
    period.value = lastCompletedPeriod(jobInfo(job.value)!.kind, new Date());
  });
  const show = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'dataset-show' }, 'Show');
  const form: HTMLFormElement = h(
    'form',
    { class: 'form card', novalidate: true, testid: 'dataset-form', 'aria-label': 'Choose a dataset' },
    h(
      'div',
      { class: 'form-row' },
      field(job, { label: 'Job', field: 'job', testid: 'dataset-job' }),
      field(period, { label: 'Period (UTC)', field: 'period', testid: 'dataset-period' }),
      field(dataset, { label: 'Dataset', field: 'dataset', testid: 'dataset-name' }),
      h('div', { class: 'actions' }, show),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const info = jobInfo(job.value)!;
    const shape = periodShapeError(info.kind, period.value);
    if (shape) {
      showFieldErrors(form, { period: [shape] });
      return;
    }
    Object.assign(query, { job: info.job, period: period.value.trim(), dataset: dataset.value, page: 1, sortBy: undefined, direction: 'asc' });
    void load();
  });

  const download = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'dataset-download', disabled: true }, 'Download CSV');
  download.addEventListener('click', () => {
    void busy(download, async () => {
      try {
        const response = await downloadDatasetCsv(query);
        const blob = await response.blob();
        const url = URL.createObjectURL(blob);
        const a = h('a', { href: url, download: `${query.job}-${query.period}-${query.dataset}.csv`, class: 'visually-hidden' });
        document.body.append(a);
        a.click();
        a.remove();
        // Revoked after the click has handed the blob to the download.
        window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch (error) {
        status.error(error);
      }
    });
  });
  const summary = h('p', { class: 'muted', testid: 'dataset-summary', 'aria-live': 'polite' });
  const listBox = h('div', { testid: 'dataset-table' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of rows' });

  ctx.root.append(
    pageHeader('Analytics datasets', h('p', { class: 'muted' }, 'The written output of every job and period. Sort by a column with its header; the CSV keeps that order.')),
    status.el,
    form,
    h('section', { class: 'card', 'aria-label': 'Rows' }, h('div', { class: 'toolbar' }, summary, download), listBox, pager),
  );

  async function load(): Promise<void> {
    replace(listBox, loading());
    replace(pager);
    download.disabled = true;
    status.clear();
    const url = new URLSearchParams({ job: query.job, period: query.period, dataset: query.dataset });
    if ((query.page ?? 1) > 1) url.set('page', String(query.page));
    if (query.sortBy) {
      url.set('sortBy', query.sortBy);
      url.set('direction', query.direction ?? 'asc');
    }
    history.replaceState(null, '', `/admin/analytics/datasets?${url}`);
    try {
      const result = await getDatasetPage(query, ctx.signal);
      if (ctx.signal.aborted) return;
      render(result);
      download.disabled = false;
    } catch (error) {
      if (ctx.signal.aborted) return;
      replace(listBox);
      summary.textContent = '';
      if (error instanceof ApiError && error.status === 404) {
        replace(
          listBox,
          h('p', { class: 'empty', testid: 'dataset-missing' }, `${query.period} of ${jobInfo(query.job)?.label ?? query.job} has no output yet. `, h('a', { href: '/admin/analytics/jobs' }, 'Start a run on the jobs page'), '.'),
        );
      } else if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
        showFormError(form, status, error);
      } else {
        status.error(error);
      }
    }
  }

  function render(result: DatasetPage): void {
    const first = (result.page - 1) * result.pageSize + 1;
    const last = Math.min(result.total, result.page * result.pageSize);
    summary.textContent = result.total ? `Rows ${first}–${last} of ${result.total} in ${result.dataset}, ${result.period}` : `${result.dataset}, ${result.period}: no rows`;
    if (!result.items.length) {
      replace(listBox, emptyState('This dataset has no rows for the period.'));
      return;
    }
    const header = result.columns.map((column) => {
      const sorted = query.sortBy === column;
      const direction: SortDirection | undefined = sorted ? query.direction : undefined;
      const button = h(
        'button',
        { type: 'button', class: 'sort-button', testid: 'sort-column', 'data-column': column },
        column,
        sorted ? (direction === 'asc' ? ' ▲' : ' ▼') : '',
        h('span', { class: 'visually-hidden' }, sorted ? `, sorted ${direction === 'asc' ? 'ascending' : 'descending'}; sort ${direction === 'asc' ? 'descending' : 'ascending'}` : ', sort ascending'),
      );
      button.addEventListener('click', () => {
        Object.assign(query, nextSort(query, column), { page: 1 });
        void load();
      });
      return h('th', { scope: 'col', 'aria-sort': sorted ? (direction === 'asc' ? 'ascending' : 'descending') : undefined }, button);
    });
    const rows = result.items.map((cells) =>
      h('tr', { testid: 'dataset-row' }, ...cells.map((cell, i) => h('td', { 'data-label': result.columns[i] ?? '', 'data-column': result.columns[i] ?? '' }, cellText(cell)))),
    );
    replace(
      listBox,
      h('div', { class: 'table-wrap responsive' }, h('table', null, h('caption', { class: 'visually-hidden' }, `${result.dataset} of ${result.period}`), h('thead', null, h('tr', null, ...header)), h('tbody', null, ...rows))),
    );
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    const page = result.page;
    const prev = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'dataset-prev', disabled: page <= 1, on: { click: () => { query.page = page - 1; void load(); } } }, '← Previous');
    const next = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'dataset-next', disabled: page >= pages, on: { click: () => { query.page = page + 1; void load(); } } }, 'Next →');
    replace(pager, prev, h('span', { testid: 'dataset-page' }, ` Page ${page} of ${pages} `), next);
  }

  await load();
}
