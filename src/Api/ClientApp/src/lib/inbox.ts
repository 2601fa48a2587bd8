// Pure pieces of the notification inbox: the bell's text, labels, merging live pushes into a page, and which
// unread count wins when a fetched count and a pushed count race.

import type { AppNotification, NotificationDelivery, NotificationType } from '../api/types';

const TYPE_LABELS: Record<NotificationType, string> = {
  booking_confirmed: 'Booking confirmed',
  booking_cancelled: 'Booking cancelled',
  exam_reminder: 'Exam reminder',
  exam_changed: 'Exam or slot changed',
  grade_published: 'Grade published',
  grade_changed: 'Grade changed',
  session_terminated: 'Session ended by a proctor',
  anomaly_digest: 'High-severity anomalies',
  analytics_job_failed: 'Analytics job failed',
};

export function notificationTypeLabel(type: NotificationType): string {
  return TYPE_LABELS[type] ?? type;
}

/** Types in the order the preferences page lists them. */
export const NOTIFICATION_TYPES = Object.keys(TYPE_LABELS) as NotificationType[];

/** The badge on the bell: nothing at zero, the count, or "99+" past 99. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** The bell's accessible name, which carries the count (the badge itself is hidden from screen readers). */
export function bellLabel(count: number): string {
  const text = badgeText(count);
  return text === '' ? 'Notifications, none unread' : `Notifications, ${text} unread`;
}

/** A pushed notification on top of the first page: newest first, each id once, at most `pageSize` items. */
export function mergePushed(items: readonly AppNotification[], pushed: AppNotification, pageSize: number): AppNotification[] {
  const rest = items.filter((n) => n.id !== pushed.id);
  return [pushed, ...rest].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, Math.max(1, pageSize));
}

/** What the e-mail channel did, in words, or null when the user did not want an e-mail. */
export function emailStatus(deliveries: readonly NotificationDelivery[]): string | null {
  const email = deliveries.find((d) => d.channel === 'email');
  if (!email) return null;
  switch (email.status) {
    case 'sent':
      return 'E-mail sent';
    case 'pending':
      return email.attempts > 0 ? `E-mail not sent yet (attempt ${email.attempts} failed, retrying)` : 'E-mail being sent';
    case 'failed':
      return `E-mail failed${email.error ? `: ${email.error}` : ''}`;
  }
}

/**
 * The unread count shown: pushes are authoritative and ordered, so a count fetched by a request that started
 * before the latest push is stale and loses.
 */
export class UnreadTracker {
  private current = 0;
  private pushes = 0;

  get count(): number {
    return this.current;
  }

  /** A push from the hub; returns the new count. */
  pushed(count: number): number {
    this.pushes++;
    this.current = Math.max(0, count);
    return this.current;
  }

  /** Call before a fetch; pass the ticket to {@link fetched}. */
  ticket(): number {
    return this.pushes;
  }

  /** A fetched count; applied only when no push arrived since the ticket was taken. Returns whether it was. */
  fetched(count: number, ticket: number): boolean {
    if (ticket !== this.pushes) return false;
    this.current = Math.max(0, count);
    return true;
  }

  reset(): void {
    this.current = 0;
    this.pushes++;
  }
}
