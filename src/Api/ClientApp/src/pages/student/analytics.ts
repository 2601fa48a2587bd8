// Student: my analytics — score trend across exams, pass rate, strongest and weakest question types, and the
// anomalies recorded about me by type and each record per exam with its reason (published results only, as the API
// serves them), with a PDF and a CSV of the same.
// /analytics/me is the student's own; /analytics/users/:id opens a student's report by id, which the API serves to
// that student and admins only: anyone else gets a page that says so, never a blank one.

import { ApiError } from '../../api/client';
import { downloadUserAnalyticsCsv, downloadUserReportPdf, getUserAnalytics } from '../../api/endpoints';
import type { UserAnalytics } from '../../api/types';
import { examName, groupByExam } from '../../lib/analytics';
import { auth } from '../../lib/auth';
import { h, replace } from '../../lib/dom';
import { saveDownload } from '../../lib/download';
import { formatDateTime, formatNumber, humanize, questionTypeLabel } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import type { ChartHandle } from '../../ui/chart';
import { StatusLine, busy, emptyState, loading, notice, pageHeader } from '../../ui/components';

export async function myAnalyticsPage(ctx: PageContext): Promise<void> {
  const { chart } = await import('../../ui/chart');
  const status = new StatusLine('my-analytics-status');
  const body = h('div', { testid: 'my-analytics' }, loading());
  const id = ctx.params.id ?? auth.user?.id ?? '';
  const own = id === auth.user?.id;
  ctx.root.append(pageHeader(own ? 'My analytics' : 'Student analytics', own ? h('p', null, h('a', { href: '/results' }, '← My results')) : null), status.el, body);
  const charts: ChartHandle[] = [];
  ctx.onCleanup(() => charts.forEach((c) => c.destroy()));

  let figures: UserAnalytics;
  try {
    figures = await getUserAnalytics(id, ctx.signal);
    if (ctx.signal.aborted) return;
  } catch (error) {
    if (ctx.signal.aborted) return;
    // The API answers 404 to a student asking for someone else (it does not say whether the account exists) and 403
    // to staff: both mean "not yours" here.
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      const heading = ctx.root.querySelector('h1');
      if (heading) heading.textContent = 'Access denied (403)';
      replace(body, notice('error', 'You can only open your own report.', 'my-analytics-denied'), h('p', null, h('a', { href: '/analytics/me' }, 'Open my own analytics')));
      return;
    }
    replace(body);
    status.error(error);
    return;
  }

  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 1)} %`);
  const kpi = (label: string, value: string, testid: string) => h('li', { class: 'kpi', testid }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value', testid: 'kpi-value' }, value));
  const day = (iso: string) => formatDateTime(iso).split(',').slice(0, 2).join(',');
  const trend = chart({
    title: 'My score per published result (%)',
    type: 'line',
    xLabel: 'Published',
    testid: 'chart-trend',
    format: (v) => `${formatNumber(v, 1)} %`,
    data: { labels: figures.scoreTrend.map((p) => `${day(p.publishedAt)} · ${examName(p)}`), series: [{ label: 'Score', values: figures.scoreTrend.map((p) => p.score) }] },
  });
  const areas = chart({
    title: 'Correct answers by question type (%)',
    type: 'bar',
    xLabel: 'Question type',
    testid: 'chart-areas',
    format: (v) => `${formatNumber(v, 1)} %`,
    data: { labels: figures.areas.map((a) => questionTypeLabel(a.questionType)), series: [{ label: 'Correct rate', values: figures.areas.map((a) => a.correctRate) }] },
  });
  const anomalyTypes = Object.entries(figures.anomaliesByType).sort(([a], [b]) => a.localeCompare(b));
  const anomalies = chart({
    title: 'What was recorded during my exams',
    type: 'bar',
    xLabel: 'Type',
    testid: 'chart-my-anomalies',
    data: { labels: anomalyTypes.map(([type]) => humanize(type)), series: [{ label: 'Times recorded', values: anomalyTypes.map(([, n]) => n) }] },
  });
  charts.push(trend, areas, anomalies);
  const list = (items: string[], testid: string, none: string) =>
    items.length ? h('ul', { testid }, ...items.map((t) => h('li', null, questionTypeLabel(t)))) : emptyState(none, `${testid}-empty`);

  const pdf = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'download-my-pdf' }, 'Download PDF report');
  pdf.addEventListener('click', () => {
    void busy(pdf, async () => {
      try {
        await saveDownload(await downloadUserReportPdf(id), `student-${id}-report.pdf`);
      } catch (error) {
        status.error(error);
      }
    });
  });

  const csv = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'download-my-csv' }, 'Download CSV');
  csv.addEventListener('click', () => {
    void busy(csv, async () => {
      try {
        await saveDownload(await downloadUserAnalyticsCsv(id), `student-${id}-analytics.csv`);
      } catch (error) {
        status.error(error);
      }
    });
  });

  // Each record about me, per exam, with what the detector or the browser wrote as its reason.
  const records = figures.anomalies.length
    ? h(
        'div',
        { testid: 'my-anomaly-records' },
        ...groupByExam(figures.anomalies).map((group) =>
          h(
            'div',
            { class: 'table-wrap responsive', testid: 'my-anomaly-exam', 'data-exam-id': group.examId },
            h(
              'table',
              null,
              h('caption', { testid: 'my-anomaly-exam-title' }, `${group.examName}: ${group.records.length} ${group.records.length === 1 ? 'record' : 'records'}`),
              h('thead', null, h('tr', null, ...['When', 'Type', 'Severity', 'Reason'].map((label) => h('th', { scope: 'col' }, label)))),
              h(
                'tbody',
                null,
                ...group.records.map((a) =>
                  h(
                    'tr',
                    { testid: 'my-anomaly-row', 'data-anomaly-id': a.anomalyId },
                    h('td', { 'data-label': 'When' }, formatDateTime(a.startedAt)),
                    h('td', { 'data-label': 'Type', testid: 'my-anomaly-type' }, humanize(a.type)),
                    h('td', { 'data-label': 'Severity' }, humanize(a.severity)),
                    h('td', { 'data-label': 'Reason', testid: 'my-anomaly-reason' }, a.reason ?? '—'),
                  ),
                ),
              ),
            ),
          ),
        ),
      )
    : emptyState('Nothing was recorded during your exams.', 'my-anomaly-records-empty');

  replace(
    body,
    h('div', { class: 'toolbar' }, pdf, csv),
    h(
      'ul',
      { class: 'kpis', 'aria-label': 'Key figures' },
      kpi('Published results', String(figures.examsTaken), 'kpi-exams-taken'),
      kpi('Passed', String(figures.examsPassed), 'kpi-exams-passed'),
      kpi('Pass rate', pct(figures.passRate), 'kpi-pass-rate'),
      kpi('Mean score', pct(figures.meanScore), 'kpi-mean'),
    ),
    h('section', { class: 'card', 'aria-labelledby': 'trend-title' }, h('h2', { id: 'trend-title' }, 'Trend'), trend.el),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'areas-title' },
      h('h2', { id: 'areas-title' }, 'Strengths and weaknesses'),
      h('div', { class: 'grid-2' }, h('div', null, h('h3', null, 'Strongest'), list(figures.strongestAreas, 'strongest-areas', 'None above 50 % yet.')), h('div', null, h('h3', null, 'Weakest'), list(figures.weakestAreas, 'weakest-areas', 'None below 50 %.'))),
      areas.el,
    ),
    h('section', { class: 'card', 'aria-labelledby': 'anomalies-title' }, h('h2', { id: 'anomalies-title' }, 'Proctoring records'), anomalies.el, h('h3', null, 'Each record, by exam'), records),
  );
}
