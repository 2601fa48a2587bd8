import { describe, expect, it } from 'vitest';
import type { SessionLive } from '../src/api/types';
import { cameraCaption, cameraLabel, cameraState, columnsOf, moveInGrid, passes, progressText, sortSessions, titleWithCount } from '../src/lib/room-grid';

const NOW = Date.parse('2026-12-06T10:00:00Z');

const session = (id: string, name: string, extra: Partial<SessionLive> = {}): SessionLive => ({
  sessionId: id,
  slotId: 'slot',
  studentId: `st-${id}`,
  studentName: name,
  status: 'in_progress',
  counters: {},
  riskScore: 0,
  lastSeenAt: null,
  deadline: '2026-12-06T10:18:00Z',
  openAnomalies: 0,
  answered: 12,
  questionCount: 20,
  review: null,
  ...extra,
});

describe('room grid', () => {
  it('sorts by risk with running students first and names breaking ties, or by name', () => {
    const list = [
      session('a', 'Zoe', { riskScore: 10 }),
      session('b', 'Adam', { riskScore: 70 }),
      session('c', 'Bea', { riskScore: 70 }),
      session('d', 'Carl', { riskScore: 99, status: 'submitted' }),
    ];
    expect(sortSessions(list, 'risk').map((s) => s.studentName)).toEqual(['Adam', 'Bea', 'Zoe', 'Carl']);
    expect(sortSessions(list, 'name').map((s) => s.studentName)).toEqual(['Adam', 'Bea', 'Carl', 'Zoe']);
  });

  it('filters at risk, open alerts and finished; no session is "not started"', () => {
    const risky = session('a', 'A', { riskScore: 50 });
    const calm = session('b', 'B', { riskScore: 49 });
    const done = session('c', 'C', { riskScore: 80, status: 'terminated' });
    expect([risky, calm, done].filter((s) => passes(s, 'at_risk', 0))).toEqual([risky]);
    expect(passes(calm, 'open_alerts', 1)).toBe(true);
    expect(passes(calm, 'open_alerts', 0)).toBe(false);
    expect(passes(session('d', 'D', { openAnomalies: 1 }), 'open_alerts', 0)).toBe(true);
    expect([risky, calm, done].filter((s) => passes(s, 'finished', 0))).toEqual([done]);
    expect(passes(risky, 'not_started', 0)).toBe(false);
    expect(passes(done, 'all', 0)).toBe(true);
  });

  it('writes the progress line', () => {
    expect(progressText(session('a', 'A'), NOW)).toBe('answered 12 of 20 · 18 min left');
    expect(progressText(session('a', 'A', { deadline: '2026-12-06T10:00:30Z' }), NOW)).toBe('answered 12 of 20 · 1 min left');
    expect(progressText(session('a', 'A', { deadline: '2026-12-06T09:59:00Z' }), NOW)).toBe('answered 12 of 20 · time up');
    expect(progressText(session('a', 'A', { status: 'submitted' }), NOW)).toBe('answered 12 of 20 · ended');
  });

  it('tells a live camera from a stale one, one that is off and an ended session', () => {
    const s = session('a', 'A');
    expect(cameraState(s, '2026-12-06T09:59:55Z', NOW, true)).toBe('live');
    expect(cameraState(s, '2026-12-06T09:59:48Z', NOW, true)).toBe('stale');
    expect(cameraLabel('stale', '2026-12-06T09:59:48Z', NOW)).toBe('Stale: no frame for 12 s');
    expect(cameraState(s, null, NOW, true)).toBe('off');
    expect(cameraState(s, null, NOW, false)).toBe('waiting');
    expect(cameraState(session('a', 'A', { status: 'expired' }), '2026-12-06T09:59:59Z', NOW, true)).toBe('ended');
  });

  it('words the camera state short enough for the caption over a tile\'s picture', () => {
    expect(cameraCaption('live', '2026-12-06T09:59:55Z', NOW)).toBe('live');
    expect(cameraCaption('stale', '2026-12-06T09:59:48Z', NOW)).toBe('stale 12 s');
    expect(cameraCaption('stale', null, NOW)).toBe('stale');
    expect(cameraCaption('off', null, NOW)).toBe('camera off');
    expect(cameraCaption('ended', null, NOW)).toBe('ended');
    for (const state of ['live', 'stale', 'off', 'ended', 'waiting'] as const) {
      expect(cameraCaption(state, '2026-12-06T09:58:01Z', NOW).length).toBeLessThanOrEqual(12);
    }
  });

  it('moves between tiles with the arrow keys without wrapping', () => {
    // 7 tiles in rows of 3: 0 1 2 / 3 4 5 / 6
    expect(moveInGrid(1, 'ArrowRight', 7, 3)).toBe(2);
    expect(moveInGrid(2, 'ArrowRight', 7, 3)).toBe(2);
    expect(moveInGrid(3, 'ArrowLeft', 7, 3)).toBe(3);
    expect(moveInGrid(4, 'ArrowUp', 7, 3)).toBe(1);
    expect(moveInGrid(1, 'ArrowUp', 7, 3)).toBe(1);
    expect(moveInGrid(3, 'ArrowDown', 7, 3)).toBe(6);
    expect(moveInGrid(4, 'ArrowDown', 7, 3)).toBe(4);
    expect(moveInGrid(6, 'ArrowRight', 7, 3)).toBe(6);
    expect(moveInGrid(5, 'Home', 7, 3)).toBe(0);
    expect(moveInGrid(0, 'End', 7, 3)).toBe(6);
    expect(moveInGrid(0, 'End', 0, 3)).toBe(-1);
  });

  it('counts the columns from the tiles\u2019 tops', () => {
    expect(columnsOf([10, 10, 10.5, 120, 120])).toBe(3);
    expect(columnsOf([])).toBe(1);
  });

  it('puts the open alert count in front of the tab title', () => {
    expect(titleWithCount('Physics · Live room', 0)).toBe('Physics · Live room');
    expect(titleWithCount('Physics · Live room', 3)).toBe('(3) Physics · Live room');
    expect(titleWithCount('X', 150)).toBe('(99+) X');
  });
});
