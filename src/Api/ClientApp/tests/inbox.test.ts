import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../src/api/types';
import { NOTIFICATION_TYPES, UnreadTracker, badgeText, bellLabel, emailStatus, mergePushed, notificationTypeLabel } from '../src/lib/inbox';

const note = (id: string, createdAt: string): AppNotification => ({
  id,
  type: 'grade_published',
  title: `t ${id}`,
  body: 'b',
  link: null,
  createdAt,
  readAt: null,
  deliveries: [],
});

describe('bell', () => {
  it('shows nothing at zero, the count, and 99+ beyond', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-3)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('names the count for screen readers', () => {
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(250)).toBe('Notifications, 99+ unread');
  });
});

describe('mergePushed', () => {
  it('puts a pushed notification first and keeps the page size', () => {
    const page = [note('b', '2026-12-01T10:00:00Z'), note('a', '2026-12-01T09:00:00Z')];
    const merged = mergePushed(page, note('c', '2026-12-01T11:00:00Z'), 2);
    expect(merged.map((n) => n.id)).toEqual(['c', 'b']);
  });

  it('does not list a redelivered push twice', () => {
    const page = [note('b', '2026-12-01T10:00:00Z'), note('a', '2026-12-01T09:00:00Z')];
    const merged = mergePushed(page, note('b', '2026-12-01T10:00:00Z'), 20);
    expect(merged.map((n) => n.id)).toEqual(['b', 'a']);
  });

  it('orders by creation time when a push arrives late', () => {
    const page = [note('b', '2026-12-01T10:00:00Z')];
    expect(mergePushed(page, note('old', '2026-12-01T08:00:00Z'), 20).map((n) => n.id)).toEqual(['b', 'old']);
  });
});

describe('emailStatus', () => {
  const at = '2026-12-01T10:00:00Z';
  it('says nothing when no e-mail was wanted', () => {
    expect(emailStatus([{ channel: 'in_app', status: 'sent', attempts: 1, error: null, updatedAt: at }])).toBeNull();
  });
  it('describes each state, with the error of a failure', () => {
    expect(emailStatus([{ channel: 'email', status: 'sent', attempts: 1, error: null, updatedAt: at }])).toBe('E-mail sent');
    expect(emailStatus([{ channel: 'email', status: 'pending', attempts: 0, error: null, updatedAt: at }])).toBe('E-mail being sent');
    expect(emailStatus([{ channel: 'email', status: 'pending', attempts: 2, error: 'refused', updatedAt: at }])).toContain('attempt 2 failed');
    expect(emailStatus([{ channel: 'email', status: 'failed', attempts: 5, error: 'timed out', updatedAt: at }])).toBe('E-mail failed: timed out');
  });
});

describe('UnreadTracker', () => {
  it('takes a fetched count when no push came meanwhile', () => {
    const t = new UnreadTracker();
    const ticket = t.ticket();
    expect(t.fetched(4, ticket)).toBe(true);
    expect(t.count).toBe(4);
  });

  it('ignores a fetched count that a push overtook', () => {
    const t = new UnreadTracker();
    const ticket = t.ticket();
    t.pushed(5);
    expect(t.fetched(4, ticket)).toBe(false);
    expect(t.count).toBe(5);
  });

  it('never goes below zero and resets at sign-out', () => {
    const t = new UnreadTracker();
    expect(t.pushed(-1)).toBe(0);
    t.pushed(3);
    const ticket = t.ticket();
    t.reset();
    expect(t.count).toBe(0);
    expect(t.fetched(3, ticket)).toBe(false);
  });
});

describe('labels', () => {
  it('has a label for every type', () => {
    for (const type of NOTIFICATION_TYPES) expect(notificationTypeLabel(type)).not.toBe(type);
    expect(NOTIFICATION_TYPES).toHaveLength(9);
  });
});
