import { describe, expect, it } from 'vitest';
import type { AnalyticsRun } from '../src/api/types';
import {
  PollBackoff,
  cellText,
  completionLabel,
  formatHours,
  examName,
  groupByExam,
  typeCounts,
  datasetPath,
  fillDays,
  fillHours,
  formatDuration,
  isoWeekKey,
  lastCompletedPeriod,
  latestSucceeded,
  nextSort,
  periodShapeError,
  rowsByColumn,
  sortQuestions,
  totalRows,
} from '../src/lib/analytics';

const run = (over: Partial<AnalyticsRun>): AnalyticsRun => ({
  job: 'daily_anomaly_aggregation',
  period: '2026-12-04',
  status: 'succeeded',
  trigger: 'manual',
  attempts: 1,
  requestedAt: '2026-12-05T02:00:00Z',
  startedAt: null,
  finishedAt: null,
  durationSeconds: null,
  inputFiles: 0,
  noInput: false,
  datasets: [],
  error: null,
  ...over,
});

describe('periods', () => {
  it('names ISO weeks by the week-numbering year', () => {
    expect(isoWeekKey(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekKey(new Date('2026-12-07T00:00:00Z'))).toBe('2026-W50');
    expect(isoWeekKey(new Date('2026-12-06T23:59:59Z'))).toBe('2026-W49');
    expect(isoWeekKey(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
  });

  it('gives the last completed day, week and month in UTC', () => {
    const now = new Date('2026-12-01T00:30:00Z');
    expect(lastCompletedPeriod('daily', now)).toBe('2026-11-30');
    expect(lastCompletedPeriod('weekly', now)).toBe('2026-W48');
    expect(lastCompletedPeriod('monthly', now)).toBe('2026-11');
    expect(lastCompletedPeriod('monthly', new Date('2027-01-15T10:00:00Z'))).toBe('2026-12');
  });

  it('hints at the shape of a period key of each kind', () => {
    expect(periodShapeError('daily', '2026-12-04')).toBeNull();
    expect(periodShapeError('weekly', ' 2026-W49 ')).toBeNull();
    expect(periodShapeError('monthly', '2026-11')).toBeNull();
    expect(periodShapeError('weekly', '2026-12-04')).toContain('2026-W49');
    expect(periodShapeError('daily', '2026-11')).toContain('2026-12-04');
  });
});

describe('dataset urls and sorting', () => {
  it('encodes path segments and sends direction only with a sort column', () => {
    expect(datasetPath({ job: 'daily_anomaly_aggregation', period: '2026-12-04', dataset: 'by_exam' })).toBe('/api/analytics/datasets/daily_anomaly_aggregation/2026-12-04/by_exam');
    expect(datasetPath({ job: 'j', period: 'a/b', dataset: 'd', page: 2, pageSize: 50, sortBy: 'total anomalies', direction: 'desc' })).toBe(
      '/api/analytics/datasets/j/a%2Fb/d?page=2&pageSize=50&sortBy=total+anomalies&direction=desc',
    );
    expect(datasetPath({ job: 'j', period: 'p', dataset: 'd', direction: 'desc', format: 'csv' })).toBe('/api/analytics/datasets/j/p/d?format=csv');
  });

  it('sorts a new column ascending and flips the current one', () => {
    expect(nextSort({}, 'exam_id')).toEqual({ sortBy: 'exam_id', direction: 'asc' });
    expect(nextSort({ sortBy: 'exam_id', direction: 'asc' }, 'exam_id')).toEqual({ sortBy: 'exam_id', direction: 'desc' });
    expect(nextSort({ sortBy: 'exam_id', direction: 'desc' }, 'exam_id')).toEqual({ sortBy: 'exam_id', direction: 'asc' });
    expect(nextSort({ sortBy: 'exam_id', direction: 'desc' }, 'hour')).toEqual({ sortBy: 'hour', direction: 'asc' });
  });

  it('shows cells as text', () => {
    expect(cellText(null)).toBe('—');
    expect(cellText(['e1', 'e2'])).toBe('e1; e2');
    expect(cellText(3)).toBe('3');
    expect(cellText(2 / 3)).toBe('0.6667');
    expect(cellText(false)).toBe('false');
    expect(cellText('=cmd')).toBe('=cmd');
  });

  it('maps rows to their columns', () => {
    expect(rowsByColumn(['tier', 'n'], [['good', 2], ['excellent', 1]])).toEqual([{ tier: 'good', n: 2 }, { tier: 'excellent', n: 1 }]);
  });
});

describe('runs', () => {
  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0.42)).toBe('0.4 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });

  it('adds the rows of every dataset', () => {
    expect(totalRows(run({ datasets: [{ name: 'by_exam', rows: 2 }, { name: 'hourly', rows: 5 }] }))).toBe(7);
  });

  it('finds the newest succeeded period of a job', () => {
    const runs = [
      run({ job: 'monthly_user_performance', period: '2026-10', status: 'succeeded' }),
      run({ job: 'monthly_user_performance', period: '2026-11', status: 'failed' }),
      run({ job: 'monthly_user_performance', period: '2026-09', status: 'succeeded' }),
      run({ job: 'daily_anomaly_aggregation', period: '2026-12-01' }),
    ];
    expect(latestSucceeded(runs, 'monthly_user_performance')?.period).toBe('2026-10');
    expect(latestSucceeded(runs, 'weekly_grade_analytics')).toBeUndefined();
  });

  it('polls fast while a run is unfinished and backs off to the slow delay when idle', () => {
    const poll = new PollBackoff(2_000, 30_000);
    expect(poll.next(true)).toBe(2_000);
    expect([poll.next(false), poll.next(false), poll.next(false), poll.next(false), poll.next(false), poll.next(false)]).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(poll.next(true)).toBe(2_000);
    expect(poll.next(false)).toBe(2_000);
    poll.next(false);
    poll.reset();
    expect(poll.next(false)).toBe(2_000);
  });
});

describe('activity axes', () => {
  it('fills every hour of the day', () => {
    const hours = fillHours([{ at: '09', submissions: 2, anomalies: 1 }]);
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ at: '00', submissions: 0, anomalies: 0 });
    expect(hours[9]).toEqual({ at: '09', submissions: 2, anomalies: 1 });
  });

  it('fills the 30 days ending today across a month end', () => {
    const days = fillDays([{ at: '2026-11-30', submissions: 1, anomalies: 0 }], '2026-12-05');
    expect(days).toHaveLength(30);
    expect(days[0]!.at).toBe('2026-11-06');
    expect(days[29]!.at).toBe('2026-12-05');
    expect(days.find((d) => d.at === '2026-11-30')!.submissions).toBe(1);
  });
});

describe('per-question sorting', () => {
  const q = (questionId: string, correctRate: number, difficulty: string, meanScore: number | null = 1) => ({
    questionId,
    questionType: 'single_choice',
    attempts: 2,
    correctRate,
    meanScore,
    difficulty,
  });
  const rows = [q('q2', 50, 'medium'), q('q1', 100, 'easy', null), q('q3', 0, 'hard'), q('q4', 50, 'medium')];

  it('sorts by correct rate either way, ties by question id', () => {
    expect(sortQuestions(rows, 'correctRate', 'asc').map((r) => r.questionId)).toEqual(['q3', 'q2', 'q4', 'q1']);
    expect(sortQuestions(rows, 'correctRate', 'desc').map((r) => r.questionId)).toEqual(['q1', 'q2', 'q4', 'q3']);
  });

  it('sorts difficulty from easy to hard, and keeps nulls last', () => {
    expect(sortQuestions(rows, 'difficulty', 'asc').map((r) => r.difficulty)).toEqual(['easy', 'medium', 'medium', 'hard']);
    expect(sortQuestions(rows, 'meanScore', 'desc').at(-1)!.questionId).toBe('q1');
    expect(sortQuestions(rows, 'meanScore', 'asc').at(-1)!.questionId).toBe('q1');
    expect(rows.map((r) => r.questionId)).toEqual(['q2', 'q1', 'q3', 'q4']);
  });
});

describe('exam and student analytics helpers', () => {
  it('labels completion bins in minutes, with one decimal where needed', () => {
    expect(completionLabel(0, 180)).toBe('0–3 min');
    expect(completionLabel(270, 540)).toBe('4.5–9 min');
  });

  it('formats turnaround hours, minutes under an hour, and nothing as a dash', () => {
    expect(formatHours(5.6)).toBe('5.6 h');
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(null)).toBe('—');
  });

  it('groups records by exam in the order of their first record', () => {
    const groups = groupByExam([
      { examId: 'b', id: 1 },
      { examId: 'a', id: 2 },
      { examId: 'b', id: 3 },
    ]);
    expect(groups.map((g) => g.examId)).toEqual(['b', 'a']);
    expect(groups[0]!.records.map((r) => r.id)).toEqual([1, 3]);
  });

  it('names each group by its exam title, and by the id only when there is no title', () => {
    const groups = groupByExam([
      { examId: 'e-1', examTitle: 'Optics' },
      { examId: 'e-2', examTitle: null },
    ]);
    expect(groups.map((g) => g.examName)).toEqual(['Optics', 'e-2']);
    expect(examName({ examId: 'e-1', examTitle: '=cmd' })).toBe('=cmd');
  });

  it('lists counts by type, most first', () => {
    expect(typeCounts({ no_face: 1, tab_hidden: 2, copy: 1 }, (t) => t.toUpperCase())).toBe('TAB_HIDDEN 2, COPY 1, NO_FACE 1');
  });
});
