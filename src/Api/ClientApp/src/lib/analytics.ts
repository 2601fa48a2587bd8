// Analytics pages' pure logic: the job catalogue, period keys, dataset URLs and sorting, run polling and formats.

import type { ActivityPoint, AnalyticsRun, DatasetCell } from '../api/types';

export type PeriodKind = 'daily' | 'weekly' | 'monthly';

export interface JobInfo {
  job: string;
  label: string;
  kind: PeriodKind;
  datasets: readonly string[];
}

/** The jobs of docs/analytics.md, in chain order (anomalies → grades → users). The server checks every name again. */
export const JOBS: readonly JobInfo[] = [
  { job: 'daily_anomaly_aggregation', label: 'Daily anomaly aggregation', kind: 'daily', datasets: ['by_exam', 'by_user', 'hourly'] },
  {
    job: 'weekly_grade_analytics',
    label: 'Weekly grade analytics',
    kind: 'weekly',
    datasets: ['exam_statistics', 'daily_trends', 'grading_efficiency', 'question_difficulty'],
  },
  {
    job: 'monthly_user_performance',
    label: 'Monthly user performance',
    kind: 'monthly',
    datasets: ['user_profiles', 'top_performers', 'at_risk_users', 'most_improved', 'tier_summary', 'risk_summary'],
  },
];

export function jobInfo(job: string): JobInfo | undefined {
  return JOBS.find((j) => j.job === job);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO 8601 week key of a UTC day: `2026-W49` (2027-01-01 is in `2026-W53`). */
export function isoWeekKey(day: Date): string {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

/** The key of the period of `kind` that contains the UTC instant `at`. */
export function periodKey(kind: PeriodKind, at: Date): string {
  switch (kind) {
    case 'daily':
      return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    case 'weekly':
      return isoWeekKey(at);
    case 'monthly':
      return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}`;
  }
}

/** The last completed period before `now` (what the schedule runs): yesterday, last ISO week, last month. */
export function lastCompletedPeriod(kind: PeriodKind, now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (kind === 'daily') d.setUTCDate(d.getUTCDate() - 1);
  if (kind === 'weekly') d.setUTCDate(d.getUTCDate() - 7);
  if (kind === 'monthly') d.setUTCDate(0); // day 0 = the last day of the previous month
  return periodKey(kind, d);
}

const PERIOD_SHAPES: Record<PeriodKind, RegExp> = {
  daily: /^\d{4}-\d{2}-\d{2}$/,
  weekly: /^\d{4}-W\d{2}$/,
  monthly: /^\d{4}-\d{2}$/,
};

/** A hint before sending (the server validates the calendar): `null` when the key has the kind's shape. */
export function periodShapeError(kind: PeriodKind, key: string): string | null {
  if (PERIOD_SHAPES[kind].test(key.trim())) return null;
  const example = { daily: '2026-12-04', weekly: '2026-W49', monthly: '2026-11' }[kind];
  return `A ${kind} period looks like ${example}.`;
}

export type SortDirection = 'asc' | 'desc';

export interface DatasetQuery {
  job: string;
  period: string;
  dataset: string;
  page?: number | undefined;
  pageSize?: number | undefined;
  sortBy?: string | undefined;
  direction?: SortDirection | undefined;
  format?: 'csv' | undefined;
}

/** The dataset route with its query string; path segments are encoded, empty parameters left out. */
export function datasetPath(query: DatasetQuery): string {
  const params = new URLSearchParams();
  if (query.page !== undefined) params.set('page', String(query.page));
  if (query.pageSize !== undefined) params.set('pageSize', String(query.pageSize));
  if (query.sortBy) {
    params.set('sortBy', query.sortBy);
    params.set('direction', query.direction ?? 'asc');
  }
  if (query.format) params.set('format', query.format);
  const path = ['/api/analytics/datasets', query.job, query.period, query.dataset].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Clicking a column header: a new column sorts ascending, the same column flips its direction. */
export function nextSort(current: { sortBy?: string | undefined; direction?: SortDirection | undefined }, column: string): { sortBy: string; direction: SortDirection } {
  if (current.sortBy !== column) return { sortBy: column, direction: 'asc' };
  return { sortBy: column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

/** A dataset cell as text: lists joined with "; ", numbers up to 4 decimals, null as an em dash. */
export function cellText(cell: DatasetCell): string {
  if (cell === null || cell === undefined) return '—';
  if (Array.isArray(cell)) return cell.join('; ');
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 10_000) / 10_000);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return cell;
}

/** "0.4 s", "42 s", "3 min 5 s", "1 h 2 min"; null (not run yet) as an em dash. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const total = Math.round(seconds);
  if (total < 3600) return `${Math.floor(total / 60)} min ${total % 60} s`;
  return `${Math.floor(total / 3600)} h ${Math.floor((total % 3600) / 60)} min`;
}

/** Rows written, over every dataset of the run. */
export function totalRows(run: AnalyticsRun): number {
  return run.datasets.reduce((sum, d) => sum + d.rows, 0);
}

export function isUnfinished(run: AnalyticsRun): boolean {
  return run.status === 'pending' || run.status === 'running';
}

/**
 * The jobs page polls (the runs have no push channel; a run's state changes a few times a minute at most).
 * While a run is pending or running it asks every `fast` ms; when all are finished it backs off, doubling
 * from `fast` up to `slow`, so an idle page costs a request every half minute. Any action resets it.
 */
export class PollBackoff {
  private idleDelay: number;

  constructor(
    private readonly fast = 2_000,
    private readonly slow = 30_000,
  ) {
    this.idleDelay = fast;
  }

  /** The delay before the next poll, given whether any run is still unfinished. */
  next(anyUnfinished: boolean): number {
    if (anyUnfinished) {
      this.idleDelay = this.fast;
      return this.fast;
    }
    const delay = this.idleDelay;
    this.idleDelay = Math.min(this.slow, this.idleDelay * 2);
    return delay;
  }

  reset(): void {
    this.idleDelay = this.fast;
  }
}

/** Every hour 00–23 with its figures (the API lists only hours with activity), for a chart with a full day axis. */
export function fillHours(points: readonly ActivityPoint[]): ActivityPoint[] {
  const byHour = new Map(points.map((p) => [p.at, p] as const));
  return Array.from({ length: 24 }, (_, hour) => {
    const at = pad(hour);
    return byHour.get(at) ?? { at, submissions: 0, anomalies: 0 };
  });
}

/** The `days` days ending with `today` (`2026-12-05`), oldest first, with zeros for days without activity. */
export function fillDays(points: readonly ActivityPoint[], today: string, days = 30): ActivityPoint[] {
  const byDay = new Map(points.map((p) => [p.at, p] as const));
  const end = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(end)) return [...points];
  return Array.from({ length: days }, (_, i) => {
    const at = periodKey('daily', new Date(end - (days - 1 - i) * 86_400_000));
    return byDay.get(at) ?? { at, submissions: 0, anomalies: 0 };
  });
}

/** The newest succeeded run of a job, if any (the runs come newest request first). */
export function latestSucceeded(runs: readonly AnalyticsRun[], job: string): AnalyticsRun | undefined {
  return runs.filter((r) => r.job === job && r.status === 'succeeded').sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0))[0];
}

/** A dataset page as objects by column name (for pages that pick columns). */
export function rowsByColumn(columns: readonly string[], items: readonly (readonly DatasetCell[])[]): Record<string, DatasetCell>[] {
  return items.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? null])));
}

export type QuestionSortKey = 'questionId' | 'questionType' | 'attempts' | 'correctRate' | 'meanScore' | 'difficulty';

const DIFFICULTY_ORDER: Record<string, number> = { easy: 0, medium: 1, hard: 2 };

/**
 * Per-question rows sorted by a column (a copy; nulls last whatever the direction, ties by question id), for the
 * exam analytics table whose headers sort it in the browser (the whole list is one response).
 */
export function sortQuestions<T extends { questionId: string; questionType: string; attempts: number; correctRate: number; meanScore: number | null; difficulty: string }>(
  rows: readonly T[],
  key: QuestionSortKey,
  direction: SortDirection,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const value = (row: T): string | number | null => (key === 'difficulty' ? (DIFFICULTY_ORDER[row.difficulty] ?? 3) : row[key]);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x === y) return a.questionId.localeCompare(b.questionId);
      return x === null ? 1 : -1;
    }
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order !== 0 ? sign * order : a.questionId.localeCompare(b.questionId);
  });
}

/** A completion-time bin's label in minutes: "0–3 min", "4.5–9 min" (one decimal where the exam's tenth is not whole). */
export function completionLabel(fromSeconds: number, toSeconds: number): string {
  const minutes = (s: number) => String(Math.round((s / 60) * 10) / 10);
  return `${minutes(fromSeconds)}–${minutes(toSeconds)} min`;
}

/** Hours as "2.5 h", or under an hour as minutes ("40 min"); null (nothing graded by a teacher) as an em dash. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  return `${Math.round(hours * 10) / 10} h`;
}

/**
 * A student's anomaly records grouped by exam, exams in the order of their first record (the API lists oldest first),
 * each named by its title, or by its id when the catalog no longer holds the exam.
 */
export function groupByExam<T extends { examId: string; examTitle?: string | null }>(records: readonly T[]): { examId: string; examName: string; records: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const list = groups.get(record.examId);
    if (list) list.push(record);
    else groups.set(record.examId, [record]);
  }
  return [...groups].map(([examId, list]) => ({ examId, examName: examName(list[0]!), records: list }));
}

/** How a page names an exam it knows by id and, usually, title: the title, or the id when there is none. */
export function examName(exam: { examId: string; examTitle?: string | null }): string {
  return exam.examTitle ?? exam.examId;
}

/** "Tab hidden 2, No face 1": an entry's counts by type, most first (ties by type). */
export function typeCounts(byType: Record<string, number>, label: (type: string) => string): string {
  return Object.entries(byType)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([type, n]) => `${label(type)} ${n}`)
    .join(', ');
}
