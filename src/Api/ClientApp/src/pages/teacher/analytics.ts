// Teacher (owner) and admin: one exam's analytics — score distribution, pass rate, mean/median/quartiles/min/max,
// completion times (histogram), per-question difficulty (sortable) with correct rates, anomalies by type and per
// student, grading turnaround; CSV and PDF downloads.

import { ApiError } from '../../api/client';
import { downloadExamAnalyticsCsv, downloadExamReportPdf, getExam, getExamAnalytics } from '../../api/endpoints';
import type { ExamAnalytics, QuestionAnalytics } from '../../api/types';
import { completionLabel, formatDuration, formatHours, sortQuestions, typeCounts, type QuestionSortKey, type SortDirection } from '../../lib/analytics';
import { h, replace } from '../../lib/dom';
import { saveDownload } from '../../lib/download';
import { formatDateTime, formatNumber, humanize, questionTypeLabel } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import type { ChartHandle } from '../../ui/chart';
import { StatusLine, busy, emptyState, loading, notice, pageHeader } from '../../ui/components';

const COLUMNS: readonly [QuestionSortKey, string][] = [
  ['questionId', 'Question'],
  ['questionType', 'Type'],
  ['attempts', 'Attempts'],
  ['correctRate', 'Correct rate'],
  ['meanScore', 'Mean score'],
  ['difficulty', 'Difficulty'],
];

export async function examAnalyticsPage(ctx: PageContext): Promise<void> {
  const { chart } = await import('../../ui/chart');
  const id = ctx.params.id ?? '';
  const status = new StatusLine('exam-analytics-status');
  const body = h('div', { testid: 'exam-analytics' }, loading());
  const title = pageHeader('Exam analytics', h('p', null, h('a', { href: `/teacher/exams/${encodeURIComponent(id)}`, testid: 'back-to-exam' }, '← Back to the exam')));
  ctx.root.append(title, status.el, body);
  const charts: ChartHandle[] = [];
  ctx.onCleanup(() => charts.forEach((c) => c.destroy()));

  let figures: ExamAnalytics;
  try {
    const [exam, read] = await Promise.all([getExam(id), getExamAnalytics(id, ctx.signal)]);
    if (ctx.signal.aborted) return;
    figures = read;
    const heading = title.querySelector('h1');
    if (heading) heading.textContent = `Analytics: ${exam.title}`;
  } catch (error) {
    if (ctx.signal.aborted) return;
    // 403 (another teacher's exam) and 404 are pages of their own, never a blank one.
    const message = error instanceof ApiError && error.status === 403 ? 'You can only see the analytics of your own exams.' : error instanceof ApiError && error.status === 404 ? 'There is no such exam.' : null;
    replace(body, message ? notice('error', message, 'exam-analytics-denied') : null);
    if (!message) status.error(error);
    return;
  }

  const kpi = (label: string, value: string, testid: string) => h('li', { class: 'kpi', testid }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value', testid: 'kpi-value' }, value));
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 1)} %`);
  const distribution = chart({
    title: 'Score distribution (graded submissions, %)',
    type: 'bar',
    xLabel: 'Score range',
    testid: 'chart-distribution',
    data: { labels: figures.scoreDistribution.map((b) => b.range), series: [{ label: 'Submissions', values: figures.scoreDistribution.map((b) => b.count) }] },
  });
  const correctRates = chart({
    title: 'Correct rate per question (%)',
    type: 'bar',
    xLabel: 'Question',
    testid: 'chart-questions',
    format: (v) => `${formatNumber(v, 1)} %`,
    data: { labels: figures.questions.map((q) => q.questionId), series: [{ label: 'Correct rate', values: figures.questions.map((q) => q.correctRate) }] },
  });
  const anomalyTypes = Object.entries(figures.anomaliesByType).sort(([a], [b]) => a.localeCompare(b));
  const anomalies = chart({
    title: 'Anomalies by type',
    type: 'bar',
    xLabel: 'Type',
    testid: 'chart-anomalies',
    data: { labels: anomalyTypes.map(([type]) => humanize(type)), series: [{ label: 'Anomalies', values: anomalyTypes.map(([, n]) => n) }] },
  });
  const completion = chart({
    title: 'Completion times (ended attempts)',
    type: 'bar',
    xLabel: 'Time taken',
    testid: 'chart-completion',
    data: { labels: figures.completionTimes.map((b) => completionLabel(b.fromSeconds, b.toSeconds)), series: [{ label: 'Attempts', values: figures.completionTimes.map((b) => b.attempts) }] },
  });
  charts.push(distribution, correctRates, anomalies, completion);

  // Anomalies per student: the whole list is one response, most anomalies first (the API's order).
  const perStudent = figures.studentAnomalies.length
    ? h(
        'div',
        { class: 'table-wrap responsive', testid: 'student-anomalies' },
        h(
          'table',
          null,
          h('caption', { class: 'visually-hidden' }, 'Anomalies per student'),
          h('thead', null, h('tr', null, ...['Student', 'Anomalies', 'Highest severity', 'By type'].map((label) => h('th', { scope: 'col' }, label)))),
          h(
            'tbody',
            null,
            ...figures.studentAnomalies.map((a) =>
              h(
                'tr',
                { testid: 'student-anomaly-row', 'data-student-id': a.studentId },
                h('td', { 'data-label': 'Student' }, a.studentName ?? a.studentId),
                h('td', { 'data-label': 'Anomalies', testid: 'student-anomaly-total' }, String(a.total)),
                h('td', { 'data-label': 'Highest severity', testid: 'student-anomaly-severity' }, humanize(a.highestSeverity)),
                h('td', { 'data-label': 'By type' }, typeCounts(a.byType, humanize)),
              ),
            ),
          ),
        ),
      )
    : emptyState('No anomaly was recorded.', 'student-anomalies-empty');

  // ---- Per-question table, sorted in the browser (the whole list is one response)
  let sortKey: QuestionSortKey = 'questionId';
  let direction: SortDirection = 'asc';
  const tableBox = h('div', { testid: 'question-table' });
  const renderQuestions = () => {
    if (!figures.questions.length) {
      replace(tableBox, emptyState('No graded question yet.'));
      return;
    }
    const header = COLUMNS.map(([key, label]) => {
      const sorted = key === sortKey;
      const button = h(
        'button',
        { type: 'button', class: 'sort-button', testid: 'sort-question', 'data-column': key },
        label,
        sorted ? (direction === 'asc' ? ' ▲' : ' ▼') : '',
      );
      button.addEventListener('click', () => {
        direction = sorted && direction === 'asc' ? 'desc' : 'asc';
        sortKey = key;
        renderQuestions();
        tableBox.querySelector<HTMLButtonElement>(`[data-column="${key}"]`)?.focus();
      });
      return h('th', { scope: 'col', 'aria-sort': sorted ? (direction === 'asc' ? 'ascending' : 'descending') : undefined }, button);
    });
    const rows = sortQuestions(figures.questions, sortKey, direction).map((q: QuestionAnalytics) =>
      h(
        'tr',
        { testid: 'question-row', 'data-question-id': q.questionId },
        h('td', { 'data-label': 'Question' }, q.questionId),
        h('td', { 'data-label': 'Type' }, questionTypeLabel(q.questionType)),
        h('td', { 'data-label': 'Attempts' }, `${q.attempts} (${q.answered} answered)`),
        h('td', { 'data-label': 'Correct rate', testid: 'question-correct-rate' }, `${formatNumber(q.correctRate, 1)} % (${q.correct})`),
        h('td', { 'data-label': 'Mean score' }, q.meanScore === null ? '—' : `${formatNumber(q.meanScore)} / ${formatNumber(q.maxScore)}`),
        h('td', { 'data-label': 'Difficulty', testid: 'question-difficulty' }, q.difficulty),
      ),
    );
    replace(tableBox, h('div', { class: 'table-wrap responsive' }, h('table', null, h('caption', { class: 'visually-hidden' }, 'Per-question analytics'), h('thead', null, h('tr', null, ...header)), h('tbody', null, ...rows))));
  };
  renderQuestions();

  // The PDF is written on the server from the same figures (docs/reports.md).
  const pdf = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'download-exam-pdf' }, 'Download PDF report');
  pdf.addEventListener('click', () => {
    void busy(pdf, async () => {
      try {
        await saveDownload(await downloadExamReportPdf(id), `exam-${id}-report.pdf`);
      } catch (error) {
        status.error(error);
      }
    });
  });

  // One CSV of the same figures (docs/analytics.md, "CSV exports").
  const csv = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'download-exam-csv' }, 'Download CSV');
  csv.addEventListener('click', () => {
    void busy(csv, async () => {
      try {
        await saveDownload(await downloadExamAnalyticsCsv(id), `exam-${id}-analytics.csv`);
      } catch (error) {
        status.error(error);
      }
    });
  });
  const turnaround = figures.gradingTurnaround;

  replace(
    body,
    h('div', { class: 'toolbar' }, pdf, csv),
    h('p', { class: 'muted', testid: 'exam-analytics-generated' }, `Figures as of ${formatDateTime(figures.generatedAt)}, over fully graded submissions.`),
    h(
      'ul',
      { class: 'kpis', 'aria-label': 'Key figures' },
      kpi('Graded submissions', String(figures.submissions), 'kpi-submissions'),
      kpi(`Pass rate (pass mark ${formatNumber(figures.passMarkPercent)} %)`, pct(figures.passRate), 'kpi-pass-rate'),
      kpi('Mean', pct(figures.meanScore), 'kpi-mean'),
      kpi('Median', pct(figures.medianScore), 'kpi-median'),
      kpi('Lower quartile (Q1)', pct(figures.q1Score), 'kpi-q1'),
      kpi('Upper quartile (Q3)', pct(figures.q3Score), 'kpi-q3'),
      kpi('Lowest', pct(figures.minScore), 'kpi-min'),
      kpi('Highest', pct(figures.maxScore), 'kpi-max'),
      kpi('Attempts ended', String(figures.attempts), 'kpi-attempts'),
      kpi('Mean completion time', formatDuration(figures.meanCompletionSeconds), 'kpi-completion'),
      kpi('Graded by a teacher', String(turnaround.teacherGraded), 'kpi-teacher-graded'),
      kpi('Grading turnaround, median', formatHours(turnaround.medianHours), 'kpi-turnaround-median'),
      kpi('Grading turnaround, 90th percentile', formatHours(turnaround.p90Hours), 'kpi-turnaround-p90'),
    ),
    h('section', { class: 'card', 'aria-labelledby': 'dist-title' }, h('h2', { id: 'dist-title' }, 'Scores and times'), h('div', { class: 'charts' }, distribution.el, completion.el)),
    h('section', { class: 'card', 'aria-labelledby': 'q-title' }, h('h2', { id: 'q-title' }, 'Questions'), correctRates.el, tableBox),
    h('section', { class: 'card', 'aria-labelledby': 'an-title' }, h('h2', { id: 'an-title' }, 'Proctoring'), anomalies.el, h('h3', null, 'Per student'), perStudent),
  );
}
