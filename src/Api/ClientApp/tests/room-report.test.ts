import { describe, expect, it } from 'vitest';
import type { StudentReport } from '../src/api/types';
import { chartTableRows } from '../src/lib/chart-data';
import { actionCounts, actionLabel, actor, anomalyDuration, reachedRisk, riskChartData, sinceStart } from '../src/lib/room-report';

function student(overrides: Partial<StudentReport> = {}): StudentReport {
  return {
    sessionId: 's1',
    studentId: 'u1',
    studentName: 'Rita',
    status: 'submitted',
    startedAt: '2026-12-06T09:00:00Z',
    endedAt: '2026-12-06T09:30:00Z',
    endReason: null,
    riskScore: 0,
    peakRisk: 0,
    warnings: 0,
    anomalies: [],
    riskOverTime: [],
    actions: [],
    ...overrides,
  };
}

describe('room report', () => {
  it('labels risk points by time since the start, and its table view holds the same scores', () => {
    const data = riskChartData(
      student({
        riskOverTime: [
          { at: '2026-12-06T09:00:00Z', score: 0 },
          { at: '2026-12-06T09:00:30Z', score: 22 },
          { at: '2026-12-06T09:12:05.900Z', score: 9 },
        ],
      }),
    );
    expect(data.labels).toEqual(['+0:00', '+0:30', '+12:05']);
    expect(chartTableRows(data)).toEqual([
      ['+0:00', '0'],
      ['+0:30', '22'],
      ['+12:05', '9'],
    ]);
    expect(sinceStart(-5)).toBe('+0:00');
  });

  it('counts actions by kind, warnings from the sessions’ counters, and students who reached risk 50', () => {
    const report = {
      students: [
        student({
          warnings: 2,
          peakRisk: 57,
          actions: [
            { kind: 'warning', at: '2026-12-06T09:01:00Z', by: 'p1', byName: 'Pia', text: 'Eyes up' },
            { kind: 'acknowledgement', at: null, by: 'p1', byName: null, text: 'High alert: No face' },
            { kind: 'termination', at: '2026-12-06T09:05:00Z', by: null, byName: null, text: 'Phone' },
          ],
        }),
        student({ sessionId: 's2', peakRisk: 49, actions: [{ kind: 'review', at: '2026-12-06T09:06:00Z', by: 'p2', byName: 'Paul', text: 'ok' }] }),
      ],
    } satisfies { students: StudentReport[] };
    expect(actionCounts(report)).toEqual({ warnings: 2, terminations: 1, acknowledgements: 1, reviews: 1, extensions: 0 });
    expect(reachedRisk(report)).toBe(1);
    expect(actor(report.students[0]!.actions[0]!)).toBe('Pia');
    expect(actor(report.students[0]!.actions[1]!)).toBe('p1');
    expect(actor(report.students[0]!.actions[2]!)).toBe('—');
    expect(actionLabel('acknowledgement')).toBe('Alert acknowledged');
  });

  it('says how long an anomaly lasted, up to the session’s end when it never ended itself', () => {
    expect(anomalyDuration({ startedAt: '2026-12-06T09:00:00Z', endedAt: '2026-12-06T09:00:42Z' }, null)).toBe('42 s');
    expect(anomalyDuration({ startedAt: '2026-12-06T09:00:00Z', endedAt: null }, '2026-12-06T09:02:05Z')).toBe('2 min 5 s');
    expect(anomalyDuration({ startedAt: '2026-12-06T09:00:00Z', endedAt: null }, null)).toBe('ongoing');
  });
});
