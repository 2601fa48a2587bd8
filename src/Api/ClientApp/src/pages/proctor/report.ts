// Proctor/admin: a room's report after (or during) its slot — per student, the anomalies with their reasons, the
// risk score over the session as a line chart with its table view, and what supervisors did (warnings,
// termination, acknowledgements, reviews, extra time). Read once from GET /api/proctor/rooms/{slotId}/report;
// the live room is the page that updates by itself.

import { ApiError } from '../../api/client';
import { getRoomReport } from '../../api/endpoints';
import type { RoomReport, StudentReport } from '../../api/types';
import { h, replace } from '../../lib/dom';
import { formatDateTime, formatTime, humanize, riskLevel } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { actionCounts, actionLabel, actor, anomalyDuration, reachedRisk, riskChartData } from '../../lib/room-report';
import type { ChartHandle } from '../../ui/chart';
import { StatusLine, badge, emptyState, loading, notice, pageHeader, table } from '../../ui/components';

const RISK_BADGE = { low: 'neutral', medium: 'warning', high: 'danger' } as const;

export async function roomReportPage(ctx: PageContext): Promise<void> {
  const { chart } = await import('../../ui/chart');
  const slotId = ctx.params.slotId ?? '';
  const status = new StatusLine('room-report-status');
  const body = h('div', { testid: 'room-report' }, loading());
  ctx.root.append(
    pageHeader('Room report', h('p', null, h('a', { href: '/proctor/rooms' }, '← Rooms'), ' · ', h('a', { href: `/proctor/rooms/${encodeURIComponent(slotId)}` }, 'Live room'))),
    status.el,
    body,
  );
  const charts: ChartHandle[] = [];
  ctx.onCleanup(() => charts.forEach((c) => c.destroy()));

  let report: RoomReport;
  try {
    report = await getRoomReport(slotId, ctx.signal);
    if (ctx.signal.aborted) return;
  } catch (error) {
    if (ctx.signal.aborted) return;
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      const heading = ctx.root.querySelector('h1');
      if (heading) heading.textContent = error.status === 403 ? 'Access denied (403)' : 'Room not found (404)';
      replace(body, notice('error', error.status === 403 ? 'Only the room’s proctors, the exam’s owner and admins read this report.' : 'There is no such room.', 'room-report-denied'));
      return;
    }
    replace(body);
    status.error(error);
    return;
  }

  const counts = actionCounts(report);
  const kpi = (label: string, value: number, testid: string) => h('li', { class: 'kpi', testid }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value', testid: 'kpi-value' }, String(value)));
  const students = report.students.map((student) => {
    const section = studentSection(student);
    const risk = chart({
      title: `Risk score over the session — ${student.studentName}`,
      type: 'line',
      xLabel: 'Since start (min:s)',
      testid: 'risk-chart',
      data: riskChartData(student),
    });
    charts.push(risk);
    section.querySelector('[data-slot="chart"]')!.replaceWith(risk.el);
    return section;
  });
  replace(
    body,
    h(
      'p',
      { class: 'meta', testid: 'room-report-window' },
      `${report.slot.examTitle} · ${formatDateTime(report.slot.startsAt)} – ${formatTime(report.slot.endsAt)} · report made ${formatDateTime(report.generatedAt)}`,
    ),
    h(
      'ul',
      { class: 'kpis', 'aria-label': 'Room totals' },
      kpi('Students', report.students.length, 'kpi-students'),
      kpi('Anomalies', report.students.reduce((n, s) => n + s.anomalies.length, 0), 'kpi-anomalies'),
      kpi('Reached risk 50+', reachedRisk(report), 'kpi-at-risk'),
      kpi('Warnings', counts.warnings, 'kpi-warnings'),
      kpi('Terminations', counts.terminations, 'kpi-terminations'),
      kpi('Alerts acknowledged', counts.acknowledgements, 'kpi-acknowledgements'),
    ),
    ...(students.length ? students : [emptyState('No student started a session in this room.', 'room-report-empty')]),
  );
}

function studentSection(student: StudentReport): HTMLElement {
  const headingId = `report-${student.sessionId}`;
  const level = riskLevel(student.peakRisk);
  const anomalies = student.anomalies.length
    ? table(
        `Anomalies of ${student.studentName}`,
        ['Started', 'Type', 'Severity', 'Reason', 'Lasted', 'Times'],
        student.anomalies.map((a) =>
          h(
            'tr',
            { testid: 'report-anomaly', 'data-anomaly-id': a.id },
            h('td', null, formatTime(a.startedAt)),
            h('td', null, humanize(a.type)),
            h('td', null, badge(a.severity, `severity-${a.severity}`)),
            h('td', { testid: 'report-anomaly-reason' }, a.reason),
            h('td', null, anomalyDuration(a, student.endedAt)),
            h('td', null, String(a.count)),
          ),
        ),
      )
    : emptyState('No anomaly was recorded.', 'report-no-anomalies');
  const actions = student.actions.length
    ? table(
        `Actions taken for ${student.studentName}`,
        ['When', 'Action', 'By', 'Details'],
        student.actions.map((a) =>
          h(
            'tr',
            { testid: 'report-action', 'data-kind': a.kind },
            h('td', null, a.at ? formatTime(a.at) : '—'),
            h('td', null, actionLabel(a.kind)),
            h('td', null, actor(a)),
            h('td', { testid: 'report-action-text' }, a.text),
          ),
        ),
      )
    : emptyState('No action was taken.', 'report-no-actions');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': headingId, testid: 'report-student', 'data-session-id': student.sessionId },
    h('h2', { id: headingId }, student.studentName),
    h(
      'p',
      { class: 'meta' },
      badge(humanize(student.status), student.status === 'terminated' ? 'danger' : 'neutral', 'report-status'),
      ` · ${formatTime(student.startedAt)} – ${student.endedAt ? formatTime(student.endedAt) : 'running'} · risk at the end `,
      h('strong', { testid: 'report-risk' }, String(student.riskScore)),
      ' · highest ',
      badge(String(student.peakRisk), RISK_BADGE[level], 'report-peak-risk'),
      ` · ${student.warnings} ${student.warnings === 1 ? 'warning' : 'warnings'}`,
      student.endReason ? ` · ended: ${student.endReason}` : '',
    ),
    h('h3', null, 'Anomalies'),
    anomalies,
    h('h3', null, 'Risk over time'),
    h('div', { 'data-slot': 'chart' }),
    h('h3', null, 'Actions taken'),
    actions,
  );
}
