// Admin: analytics jobs — every run (status, period, attempts, duration, rows, error), start a period or the
// whole chain, re-run a failed one; the list refreshes itself while runs are pending or running.

import { listAnalyticsRuns, startAnalyticsRun } from '../../api/endpoints';
import type { AnalyticsRun, AnalyticsRunStatus } from '../../api/types';
import { JOBS, PollBackoff, formatDuration, isUnfinished, jobInfo, lastCompletedPeriod, periodShapeError, totalRows } from '../../lib/analytics';
import { h, replace } from '../../lib/dom';
import { formatDateTime, formatTime, humanize } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { StatusLine, badge, busy, clearFieldErrors, emptyState, field, input, loading, pageHeader, select, showFieldErrors, showFormError, table } from '../../ui/components';

const PAGE_SIZE = 50;

const STATUS_BADGE: Record<AnalyticsRunStatus, string> = { pending: 'info', running: 'warning', succeeded: 'success', failed: 'danger' };

export async function jobsPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine('jobs-status');
  // Finished runs are announced once, politely, so a screen-reader user hears the outcome without re-reading the table.
  const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite', testid: 'jobs-announcer' });
  const live = h('p', { class: 'muted', testid: 'jobs-live' });
  const listBox = h('div', { testid: 'jobs-list' }, loading());
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of runs' });
  let page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);
  const backoff = new PollBackoff();
  let timer: number | undefined;
  let known = new Map<string, AnalyticsRunStatus>();
  // Each load has a number; a load that a newer one overtook (a refresh while a poll was in flight) neither
  // renders nor schedules, so there is only ever one polling chain.
  let generation = 0;

  // ---- Start a run
  const formStatus = new StatusLine('trigger-status');
  const job = select(JOBS.map((j) => [j.job, j.label] as const), JOBS[0]!.job);
  const period = input('text', { required: true, autocomplete: 'off', spellcheck: 'false' });
  const chain = input('checkbox');
  const periodHint = h('span');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'trigger-submit' }, 'Start run');
  const chainField = field(chain, { label: 'Then run the weekly and monthly jobs for this day’s week and month (the whole chain)', field: 'chain', testid: 'trigger-chain' });
  const syncForm = () => {
    const info = jobInfo(job.value)!;
    period.value = lastCompletedPeriod(info.kind, new Date());
    periodHint.textContent = `${humanize(info.kind)} period, e.g. ${period.value}`;
    // The chain starts from a day, so only the daily job offers it.
    chainField.hidden = info.kind !== 'daily';
    if (chainField.hidden) chain.checked = false;
  };
  job.addEventListener('change', syncForm);
  const form: HTMLFormElement = h(
    'form',
    { class: 'form card', novalidate: true, testid: 'trigger-form', 'aria-labelledby': 'trigger-title' },
    h('h2', { id: 'trigger-title' }, 'Start a run'),
    h(
      'div',
      { class: 'form-row' },
      field(job, { label: 'Job', field: 'job', testid: 'trigger-job' }),
      field(period, { label: 'Period (UTC)', field: 'period', testid: 'trigger-period', hint: ' ' }),
    ),
    chainField,
    h('div', { class: 'actions' }, submit),
    formStatus.el,
  );
  form.querySelector('[data-field="period"] .hint')?.replaceChildren(periodHint);
  syncForm();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    formStatus.clear();
    const info = jobInfo(job.value)!;
    const shape = periodShapeError(info.kind, period.value);
    if (shape) {
      showFieldErrors(form, { period: [shape] });
      return;
    }
    void busy(submit, async () => {
      try {
        const started = await startAnalyticsRun(info.job, { period: period.value.trim(), chain: chain.checked || undefined });
        // `then` lists "<job>/<period>" of the chain's later runs.
        const then = started.then.length
          ? ` Then: ${started.then.map((key) => { const [name = key, when = ''] = key.split('/'); return `${jobInfo(name)?.label ?? name} ${when}`.trim(); }).join(', ')}.`
          : '';
        formStatus.show('success', `Started ${info.label} for ${started.run.period}.${then}`);
        await refreshNow();
      } catch (error) {
        showFormError(form, formStatus, error);
      }
    });
  });

  ctx.root.append(
    pageHeader('Analytics jobs', h('p', { class: 'muted' }, 'Every run of the daily, weekly and monthly jobs; times are shown in your time zone, periods in UTC.')),
    status.el,
    form,
    h('section', { class: 'card', 'aria-labelledby': 'runs-title' }, h('h2', { id: 'runs-title' }, 'Runs'), live, listBox, pager, announcer),
  );

  const onVisibility = () => {
    // A hidden tab stops polling; coming back refreshes at once.
    if (document.visibilityState === 'visible') void refreshNow();
    else window.clearTimeout(timer);
  };
  document.addEventListener('visibilitychange', onVisibility);
  ctx.onCleanup(() => {
    window.clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });

  async function refreshNow(): Promise<void> {
    backoff.reset();
    window.clearTimeout(timer);
    await load();
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    let anyUnfinished = false;
    try {
      const result = await listAnalyticsRuns(page, PAGE_SIZE, ctx.signal);
      if (ctx.signal.aborted || mine !== generation) return;
      history.replaceState(null, '', `/admin/analytics/jobs${page > 1 ? `?page=${page}` : ''}`);
      anyUnfinished = result.items.some(isUnfinished);
      announce(result.items);
      replace(
        listBox,
        result.items.length
          ? table('Analytics runs', ['Job', 'Period', 'Status', 'Trigger', 'Attempts', 'Started', 'Duration', 'Rows', 'Error', ''], result.items.map(row), { testid: 'jobs-table' })
          : emptyState('No runs yet. The schedule starts the first ones, or start one above.'),
      );
      renderPager(result.total);
      status.clear();
    } catch (error) {
      if (ctx.signal.aborted || mine !== generation) return;
      status.error(error);
    }
    if (ctx.signal.aborted || mine !== generation || document.visibilityState === 'hidden') return;
    const delay = backoff.next(anyUnfinished);
    live.textContent = `Updated at ${formatTime(new Date().toISOString())} · ${anyUnfinished ? 'runs in progress, ' : ''}next check in ${Math.round(delay / 1000)} s`;
    live.dataset.polling = anyUnfinished ? 'fast' : 'idle';
    timer = window.setTimeout(() => void load(), delay);
  }

  function announce(runs: AnalyticsRun[]): void {
    const next = new Map(runs.map((r) => [`${r.job}/${r.period}`, r.status] as const));
    const finished = runs.filter((r) => !isUnfinished(r) && known.has(`${r.job}/${r.period}`) && known.get(`${r.job}/${r.period}`) !== r.status);
    if (finished.length) announcer.textContent = finished.map((r) => `${jobInfo(r.job)?.label ?? r.job} ${r.period} ${r.status}.`).join(' ');
    known = next;
  }

  function renderPager(total: number): void {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const prev = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'jobs-prev', disabled: page <= 1, on: { click: () => { page--; void refreshNow(); } } }, '← Previous');
    const next = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'jobs-next', disabled: page >= pages, on: { click: () => { page++; void refreshNow(); } } }, 'Next →');
    replace(pager, prev, h('span', { testid: 'jobs-page' }, ` Page ${page} of ${pages} · ${total} runs `), next);
  }

  function row(run: AnalyticsRun): HTMLTableRowElement {
    const info = jobInfo(run.job);
    const rerun =
      run.status === 'failed'
        ? h('button', {
            type: 'button',
            class: 'btn btn-small btn-secondary',
            testid: 'run-rerun',
            'aria-label': `Run ${info?.label ?? run.job} for ${run.period} again`,
            on: {
              click: (event: Event) =>
                void busy(event.currentTarget as HTMLButtonElement, async () => {
                  try {
                    await startAnalyticsRun(run.job, { period: run.period });
                    status.show('success', `Started ${info?.label ?? run.job} for ${run.period} again.`);
                    await refreshNow();
                  } catch (error) {
                    status.error(error);
                  }
                }),
            },
          }, 'Re-run')
        : null;
    const data =
      run.status === 'succeeded' && info
        ? h('a', { href: `/admin/analytics/datasets?job=${encodeURIComponent(run.job)}&period=${encodeURIComponent(run.period)}`, testid: 'run-open-data' }, 'Data')
        : null;
    const rows = run.status === 'succeeded' ? `${totalRows(run)}${run.noInput ? ' (no input)' : ''}` : '—';
    return h(
      'tr',
      { testid: 'run-row', 'data-job': run.job, 'data-period': run.period, 'data-status': run.status },
      h('td', { testid: 'run-job' }, info?.label ?? run.job),
      h('td', { testid: 'run-period' }, run.period),
      h('td', { testid: 'run-status' }, badge(run.status, STATUS_BADGE[run.status] ?? 'neutral')),
      h('td', null, humanize(run.trigger)),
      h('td', { testid: 'run-attempts' }, String(run.attempts)),
      h('td', null, run.startedAt ? formatDateTime(run.startedAt) : '—'),
      h('td', { testid: 'run-duration' }, formatDuration(run.durationSeconds)),
      h('td', { testid: 'run-rows', title: run.datasets.map((d) => `${d.name}: ${d.rows}`).join(', ') }, rows),
      h(
        'td',
        { testid: 'run-error', class: 'run-error' },
        // The engine's classification first: it is what an operator searches the engine's documentation for.
        run.errorClass ? h('code', { testid: 'run-error-class', title: run.sqlState ? `SQLSTATE ${run.sqlState}` : '' }, run.errorClass) : null,
        run.errorClass && run.error ? ' ' : null,
        run.error ?? '',
      ),
      h('td', null, rerun, data),
    );
  }

  await load();
}
