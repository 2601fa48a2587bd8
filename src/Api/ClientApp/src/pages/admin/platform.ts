// Admin: platform analytics — KPI cards, alerts with their thresholds, the readiness checks, hourly activity
// and 30-day trends, and the last monthly run's top performers, tiers and risk levels.

import { getDatasetPage, getPlatformAnalytics, getPlatformReadiness, listAnalyticsRuns } from '../../api/endpoints';
import type { PlatformAnalytics, PlatformReadiness, ReadinessCheck } from '../../api/types';
import { cellText, fillDays, fillHours, latestSucceeded, rowsByColumn } from '../../lib/analytics';
import { h, replace } from '../../lib/dom';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import type { ChartHandle } from '../../ui/chart';
import { StatusLine, badge, button, emptyState, loading, notice, pageHeader, table } from '../../ui/components';

const MONTHLY = 'monthly_user_performance';

export async function platformPage(ctx: PageContext): Promise<void> {
  // Chart.js is loaded with the analytics pages only (its own chunk), so the exam pages never download it.
  const { chart } = await import('../../ui/chart');
  const status = new StatusLine('platform-status');
  const generated = h('p', { class: 'muted', testid: 'platform-generated' });
  const kpis = h('ul', { class: 'kpis', testid: 'kpis', 'aria-label': 'Key figures' });
  const alerts = h('section', { class: 'card', 'aria-labelledby': 'alerts-title', testid: 'alerts' }, h('h2', { id: 'alerts-title' }, 'Alerts'), loading());
  const health = h('section', { class: 'card', 'aria-labelledby': 'health-title', testid: 'health' }, h('h2', { id: 'health-title' }, 'Readiness'), loading());
  const activity = h('section', { class: 'card', 'aria-labelledby': 'activity-title' }, h('h2', { id: 'activity-title' }, 'Activity'), h('div', { class: 'charts', testid: 'activity-charts' }, loading()));
  const monthly = h('section', { class: 'card', 'aria-labelledby': 'monthly-title', testid: 'monthly' }, h('h2', { id: 'monthly-title' }, 'Last monthly report'), loading());
  let charts: ChartHandle[] = [];
  const dropCharts = () => {
    for (const c of charts) c.destroy();
    charts = [];
  };
  ctx.onCleanup(dropCharts);
  const refresh = button('Refresh', () => void load(), { class: 'btn btn-secondary btn-small', testid: 'platform-refresh' });

  ctx.root.append(pageHeader('Platform analytics', generated, refresh), status.el, kpis, alerts, health, activity, monthly);

  async function load(): Promise<void> {
    dropCharts();
    await Promise.all([loadFigures(), loadHealth(), loadMonthly()]);
  }

  async function loadFigures(): Promise<void> {
    try {
      const figures = await getPlatformAnalytics(ctx.signal);
      if (ctx.signal.aborted) return;
      generated.textContent = `Figures as of ${formatDateTime(figures.generatedAt)}; “today” is ${figures.today} (UTC).`;
      renderKpis(figures);
      renderAlerts(figures);
      renderActivity(figures);
    } catch (error) {
      if (!ctx.signal.aborted) status.error(error);
    }
  }

  function renderKpis(f: PlatformAnalytics): void {
    const items: [string, string, string][] = [
      ['Users', String(f.users), 'kpi-users'],
      ['Exams', String(f.exams), 'kpi-exams'],
      ['Submissions', String(f.submissions), 'kpi-submissions'],
      ['Sessions', String(f.sessions), 'kpi-sessions'],
      ['Active now', String(f.activeSessions), 'kpi-active'],
      ['Exams today', String(f.examsToday), 'kpi-exams-today'],
      ['Sessions today', String(f.sessionsToday), 'kpi-sessions-today'],
      ['Submissions today', String(f.submissionsToday), 'kpi-submissions-today'],
      ['Anomalies today', String(f.anomaliesToday), 'kpi-anomalies-today'],
    ];
    if (f.lastRun) {
      items.push(
        [`Anomalies on ${f.lastRun.period}`, String(f.lastRun.anomalies), 'kpi-lastrun-anomalies'],
        [`Critical on ${f.lastRun.period}`, String(f.lastRun.criticalAnomalies), 'kpi-lastrun-critical'],
        [`Mean per exam on ${f.lastRun.period}`, formatNumber(f.lastRun.meanAnomaliesPerExam), 'kpi-lastrun-mean'],
      );
    }
    replace(kpis, ...items.map(([label, value, testid]) => h('li', { class: 'kpi', testid }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value', testid: 'kpi-value' }, value))));
  }

  function renderAlerts(f: PlatformAnalytics): void {
    // Each alert's message states the threshold it crossed (Analytics:Alerts:* on the server).
    replace(
      alerts,
      h('h2', { id: 'alerts-title' }, 'Alerts'),
      f.alerts.length
        ? h(
            'ul',
            { class: 'stack' },
            ...f.alerts.map((a) =>
              h('li', { testid: 'alert-row', 'data-type': a.type, 'data-level': a.level }, badge(a.level, a.level === 'critical' ? 'danger' : 'warning'), ' ', h('strong', null, humanize(a.type)), ': ', h('span', { testid: 'alert-message' }, a.message)),
            ),
          )
        : notice('success', 'No alert: today’s anomalies and the newest critical ones are within their thresholds.', 'no-alerts'),
    );
  }

  function renderActivity(f: PlatformAnalytics): void {
    const hours = fillHours(f.hourlyActivity);
    const days = fillDays(f.dailyTrends, f.today, 30);
    const hourly = chart({
      title: `Activity by hour, ${f.today} (UTC)`,
      type: 'bar',
      xLabel: 'Hour',
      testid: 'chart-hourly',
      data: { labels: hours.map((p) => p.at), series: [{ label: 'Submissions', values: hours.map((p) => p.submissions) }, { label: 'Anomalies', values: hours.map((p) => p.anomalies) }] },
    });
    const trends = chart({
      title: 'Last 30 days',
      type: 'line',
      xLabel: 'Day',
      testid: 'chart-trends',
      data: { labels: days.map((p) => p.at), series: [{ label: 'Submissions', values: days.map((p) => p.submissions) }, { label: 'Anomalies', values: days.map((p) => p.anomalies) }] },
    });
    charts.push(hourly, trends);
    replace(activity, h('h2', { id: 'activity-title' }, 'Activity'), h('div', { class: 'charts', testid: 'activity-charts' }, hourly.el, trends.el));
  }

  async function loadHealth(): Promise<void> {
    try {
      const readiness = await getPlatformReadiness(ctx.signal);
      if (ctx.signal.aborted) return;
      renderHealth(readiness);
    } catch (error) {
      if (!ctx.signal.aborted) replace(health, h('h2', { id: 'health-title' }, 'Readiness'), notice('error', `The readiness checks could not be read: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  // Every entry is a check that just ran (GET /api/admin/readiness): the API's own, then each silo's.
  function renderHealth(readiness: PlatformReadiness): void {
    const grid = (label: string, checks: ReadinessCheck[], scope: string) =>
      h(
        'ul',
        { class: 'health-grid', 'aria-label': label, testid: 'health-group', 'data-scope': scope },
        ...checks.map((c) =>
          h(
            'li',
            { class: 'kpi', testid: 'health-check', 'data-check': c.name, 'data-scope': scope, 'data-status': c.status },
            h('div', { class: 'kpi-label' }, humanize(c.name)),
            statusBadge(c.status),
            c.description ? h('p', { class: 'muted', testid: 'health-description' }, c.description) : null,
          ),
        ),
      );
    replace(
      health,
      h('h2', { id: 'health-title' }, 'Readiness'),
      h('p', { testid: 'health-overall', 'data-status': readiness.status }, 'Platform: ', statusBadge(readiness.status), h('span', { class: 'muted' }, ` (every check run at ${formatDateTime(readiness.checkedAt)})`)),
      h('h3', null, 'This API process'),
      readiness.api.length ? grid('API checks', readiness.api, 'api') : emptyState('This API process has no checks.'),
      ...readiness.silos.flatMap((silo) => [
        h('h3', null, 'Silo ', h('code', null, silo.address), ' ', statusBadge(silo.status)),
        silo.error ? notice('error', silo.error) : grid(`Checks of silo ${silo.address}`, silo.checks, `silo:${silo.address}`),
      ]),
      readiness.silosError ? notice('error', readiness.silosError, 'health-silos-error') : null,
    );
  }

  function statusBadge(status: string): HTMLElement {
    return badge(status, status === 'Healthy' ? 'success' : status === 'Degraded' ? 'warning' : 'danger');
  }

  async function loadMonthly(): Promise<void> {
    try {
      const runs = await listAnalyticsRuns(1, 200, ctx.signal);
      const run = latestSucceeded(runs.items, MONTHLY);
      if (ctx.signal.aborted) return;
      if (!run) {
        replace(monthly, h('h2', { id: 'monthly-title' }, 'Last monthly report'), emptyState('No monthly user-performance run has succeeded yet.', 'monthly-empty'));
        return;
      }
      const read = (dataset: string, sortBy: string, direction: 'asc' | 'desc', pageSize: number) =>
        getDatasetPage({ job: MONTHLY, period: run.period, dataset, page: 1, pageSize, sortBy, direction }, ctx.signal);
      const [tiers, risks, top] = await Promise.all([
        read('tier_summary', 'performance_tier', 'asc', 20),
        read('risk_summary', 'risk_level', 'asc', 20),
        read('top_performers', 'score_rank', 'asc', 10),
      ]);
      if (ctx.signal.aborted) return;
      const tierRows = rowsByColumn(tiers.columns, tiers.items);
      const riskRows = rowsByColumn(risks.columns, risks.items);
      const tierChart = chart({
        title: `Students by performance tier, ${run.period}`,
        type: 'bar',
        xLabel: 'Tier',
        testid: 'chart-tiers',
        data: { labels: tierRows.map((r) => humanize(String(r.performance_tier))), series: [{ label: 'Students', values: tierRows.map((r) => Number(r.user_count)) }] },
      });
      const riskChart = chart({
        title: `Students by risk level, ${run.period}`,
        type: 'bar',
        xLabel: 'Risk level',
        testid: 'chart-risks',
        data: { labels: riskRows.map((r) => humanize(String(r.risk_level))), series: [{ label: 'Students', values: riskRows.map((r) => Number(r.user_count)) }] },
      });
      charts.push(tierChart, riskChart);
      const topRows = rowsByColumn(top.columns, top.items).map((r) =>
        h(
          'tr',
          { testid: 'top-performer' },
          h('td', null, cellText(r.score_rank ?? null)),
          h('td', { testid: 'top-performer-user' }, cellText(r.user_id ?? null)),
          h('td', null, cellText(r.avg_score ?? null)),
          h('td', null, cellText(r.total_exams ?? null)),
          h('td', null, cellText(r.performance_tier ?? null)),
        ),
      );
      replace(
        monthly,
        h('h2', { id: 'monthly-title' }, `Last monthly report: ${run.period}`),
        h('div', { class: 'charts' }, tierChart.el, riskChart.el),
        h('h3', null, 'Top performers'),
        topRows.length ? table(`Top performers, ${run.period}`, ['Rank', 'Student', 'Mean score', 'Exams', 'Tier'], topRows, { testid: 'top-performers' }) : emptyState('Nobody was graded that month.'),
        h('p', null, h('a', { href: `/admin/analytics/datasets?job=${MONTHLY}&period=${encodeURIComponent(run.period)}&dataset=top_performers` }, 'All rows of this report')),
      );
    } catch (error) {
      if (!ctx.signal.aborted) replace(monthly, h('h2', { id: 'monthly-title' }, 'Last monthly report'), notice('error', error instanceof Error ? error.message : String(error)));
    }
  }

  await load();
}
