import { describe, expect, it } from 'vitest';
import type { ProctorAlert, SessionLive } from '../src/api/types';
import { RoomState } from '../src/lib/room-state';
import { foreverRetryPolicy } from '../src/lib/reconnect';

const session = (id: string, name: string, extra: Partial<SessionLive> = {}): SessionLive => ({
  sessionId: id,
  slotId: 'slot',
  studentId: `st-${id}`,
  studentName: name,
  status: 'in_progress',
  counters: {},
  riskScore: 0,
  lastSeenAt: null,
  deadline: '2026-11-23T14:00:00Z',
  openAnomalies: 0,
  answered: 0,
  questionCount: 0,
  review: null,
  ...extra,
});

const alert = (id: string, at: string, extra: Partial<ProctorAlert> = {}): ProctorAlert => ({
  alertId: id,
  sessionId: 's1',
  slotId: 'slot',
  studentId: 'st',
  studentName: 'Sam',
  anomalyId: id.split('.')[0] ?? id,
  type: 'tab_hidden',
  severity: 'medium',
  reason: 'Left the exam tab',
  occurredAt: at,
  riskScore: 22,
  acknowledged: false,
  ...extra,
});

describe('room state', () => {
  it('merges session changes into the snapshot and keeps a stable order', () => {
    const room = new RoomState('slot');
    room.applySnapshot({ slot: {} as never, sessions: [session('b', 'Zoe'), session('a', 'Ann')] });
    expect(room.applySessionChanged({ sessionId: 'b', slotId: 'slot', riskScore: 57, counters: { no_face: 1 } })).toBe(true);
    expect(room.sessions.get('b')).toMatchObject({ studentName: 'Zoe', riskScore: 57, counters: { no_face: 1 } });
    expect(room.sortedSessions().map((s) => s.studentName)).toEqual(['Ann', 'Zoe']);
  });

  it('asks for a snapshot when an unknown session changes without a name', () => {
    const room = new RoomState('slot');
    expect(room.applySessionChanged({ sessionId: 'x', slotId: 'slot', riskScore: 1 })).toBe(false);
    expect(room.applySessionChanged({ ...session('x', 'New'), riskScore: 1 })).toBe(true);
    expect(room.sessions.size).toBe(1);
  });

  it('ignores other rooms', () => {
    const room = new RoomState('slot');
    expect(room.applyAlert(alert('a1.1', '2026-11-23T13:00:00Z', { slotId: 'other' }))).toBe(false);
    expect(room.alerts.size).toBe(0);
  });

  it('keeps alerts that arrived while the tab was hidden, newest first, and de-duplicates redeliveries', () => {
    const room = new RoomState('slot');
    room.applyAlert(alert('a1.1', '2026-11-23T13:00:00Z'));
    room.applyAlert(alert('a2.1', '2026-11-23T13:05:00Z'));
    room.applyAlert(alert('a1.1', '2026-11-23T13:00:00Z'));
    expect(room.sortedAlerts(false).map((a) => a.alertId)).toEqual(['a2.1', 'a1.1']);
    expect(room.unacknowledgedCount).toBe(2);
  });

  it('never un-acknowledges on a late redelivery', () => {
    const room = new RoomState('slot');
    room.applyAlert(alert('a1.1', '2026-11-23T13:00:00Z'));
    room.acknowledge('a1.1');
    room.applyAlert(alert('a1.1', '2026-11-23T13:00:00Z', { acknowledged: false }));
    expect(room.alerts.get('a1.1')?.acknowledged).toBe(true);
    expect(room.sortedAlerts(false)).toEqual([]);
    expect(room.sortedAlerts(true)).toHaveLength(1);
  });

  it('resynchronises with the unacknowledged inbox after a reconnection', () => {
    const room = new RoomState('slot');
    room.applyAlert(alert('a1.1', '2026-11-23T13:00:00Z')); // acknowledged elsewhere while disconnected
    room.applyAlert(alert('a2.1', '2026-11-23T13:01:00Z'));
    room.resyncUnacknowledged([alert('a2.1', '2026-11-23T13:01:00Z'), alert('a3.1', '2026-11-23T13:02:00Z'), alert('o.1', '2026-11-23T13:02:00Z', { slotId: 'other' })]);
    expect(room.alerts.get('a1.1')?.acknowledged).toBe(true);
    expect(room.sortedAlerts(false).map((a) => a.alertId)).toEqual(['a3.1', 'a2.1']);
  });
});

describe('reconnection policy', () => {
  it('retries quickly first and then forever every 15 s', () => {
    const delays = [0, 1, 2, 3, 4, 50].map((n) => foreverRetryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: n, elapsedMilliseconds: 0 }));
    expect(delays).toEqual([0, 2000, 5000, 10000, 15000, 15000]);
  });
});
