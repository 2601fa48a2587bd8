// The room report's figures as the page shows them: a student's risk over time as chart data (its table view holds
// the same numbers), the actions in words, and the room's totals. Pure, so vitest checks it without a browser.

import type { ReportAnomaly, RoomReport, StudentReport, SupervisorAction, SupervisorActionKind } from '../api/types';
import type { ChartData } from './chart-data';

const ACTION_LABELS: Record<SupervisorActionKind, string> = {
  warning: 'Warning sent',
  termination: 'Session ended',
  acknowledgement: 'Alert acknowledged',
  review: 'Marked reviewed',
  extension: 'Extra time',
};

export function actionLabel(kind: SupervisorActionKind): string {
  return ACTION_LABELS[kind];
}

/**
 * The risk over the session as one line: x labels are minutes since the session started ("+0:00", "+12:30"), as
 * the points are seconds apart at times and a clock time would repeat; the table view shows the same labels.
 */
export function riskChartData(student: Pick<StudentReport, 'startedAt' | 'riskOverTime'>): ChartData {
  const start = Date.parse(student.startedAt);
  return {
    labels: student.riskOverTime.map((p) => sinceStart(Date.parse(p.at) - start)),
    series: [{ label: 'Risk score', values: student.riskOverTime.map((p) => p.score) }],
  };
}

/** "+m:ss" from a non-negative number of milliseconds (whole seconds, rounded down). */
export function sinceStart(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `+${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export interface ActionCounts {
  warnings: number;
  terminations: number;
  acknowledgements: number;
  reviews: number;
  extensions: number;
}

/** What supervisors did in the room, by kind. Warnings come from each session's counter, which also counts unlogged ones. */
export function actionCounts(report: Pick<RoomReport, 'students'>): ActionCounts {
  const count = (kind: SupervisorActionKind) => report.students.reduce((n, s) => n + s.actions.filter((a) => a.kind === kind).length, 0);
  return {
    warnings: report.students.reduce((n, s) => n + s.warnings, 0),
    terminations: count('termination'),
    acknowledgements: count('acknowledgement'),
    reviews: count('review'),
    extensions: count('extension'),
  };
}

/** Students whose risk reached 50 ("at risk" on the live dashboard) at some point of the session. */
export function reachedRisk(report: Pick<RoomReport, 'students'>, threshold = 50): number {
  return report.students.filter((s) => s.peakRisk >= threshold).length;
}

/** How long an anomaly lasted: to its end, else to the end of the session; "ongoing" while both still run. */
export function anomalyDuration(anomaly: Pick<ReportAnomaly, 'startedAt' | 'endedAt'>, endOfSession: string | null): string {
  const end = anomaly.endedAt ?? endOfSession;
  if (!end) return 'ongoing';
  const seconds = Math.max(0, Math.round((Date.parse(end) - Date.parse(anomaly.startedAt)) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Who did it: their name, else their id (an account that is gone), else "—" where the record did not keep it. */
export function actor(action: Pick<SupervisorAction, 'by' | 'byName'>): string {
  return action.byName ?? action.by ?? '—';
}
