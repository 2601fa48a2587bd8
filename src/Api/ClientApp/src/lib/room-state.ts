// The live room's state: sessions and alerts merged from the snapshot, the alert inbox and hub pushes.
// Pure, so the merge rules (redelivery, acknowledgement, resynchronisation) are unit-tested.

import type { ProctorAlert, RoomSnapshot, SessionLive } from '../api/types';

export class RoomState {
  readonly sessions = new Map<string, SessionLive>();
  readonly alerts = new Map<string, ProctorAlert>();

  constructor(readonly slotId: string) {}

  /** Replaces the sessions with a snapshot (WatchRoom or GET /api/proctor/rooms/{slotId}). */
  applySnapshot(snapshot: RoomSnapshot): void {
    this.sessions.clear();
    for (const s of snapshot.sessions) this.sessions.set(s.sessionId, s);
  }

  /**
   * Merges a `sessionChanged` push. Returns false when the session is unknown and the message lacks the
   * student's name (a partial message may lack it): the caller then reloads the snapshot.
   */
  applySessionChanged(change: Partial<SessionLive> & { sessionId: string; slotId: string }): boolean {
    if (change.slotId !== this.slotId) return true;
    const existing = this.sessions.get(change.sessionId);
    if (!existing && !change.studentName) return false;
    this.sessions.set(change.sessionId, { ...(existing ?? ({} as SessionLive)), ...stripUndefined(change) } as SessionLive);
    return true;
  }

  /** Adds or updates an alert (same alertId = redelivery or acknowledgement). Ignores other rooms. */
  applyAlert(alert: ProctorAlert): boolean {
    if (alert.slotId !== this.slotId) return false;
    const existing = this.alerts.get(alert.alertId);
    // Acknowledgement is one-way: a late redelivery must not un-acknowledge.
    this.alerts.set(alert.alertId, { ...alert, acknowledged: alert.acknowledged || (existing?.acknowledged ?? false) });
    return true;
  }

  /** Merges a full recent-alerts list (GET /api/proctor/alerts). */
  applyAlertList(alerts: readonly ProctorAlert[]): void {
    for (const a of alerts) this.applyAlert(a);
  }

  /**
   * Merges the unacknowledged inbox after a reconnection: adds what was missed, and marks as acknowledged
   * the local unacknowledged alerts the server no longer lists (acknowledged elsewhere meanwhile).
   */
  resyncUnacknowledged(unacknowledged: readonly ProctorAlert[]): void {
    const open = new Set(unacknowledged.filter((a) => a.slotId === this.slotId).map((a) => a.alertId));
    for (const [id, alert] of this.alerts) {
      if (!alert.acknowledged && !open.has(id)) this.alerts.set(id, { ...alert, acknowledged: true });
    }
    this.applyAlertList(unacknowledged);
  }

  acknowledge(alertId: string): void {
    const alert = this.alerts.get(alertId);
    if (alert) this.alerts.set(alertId, { ...alert, acknowledged: true });
  }

  /** Alerts newest first. */
  sortedAlerts(includeAcknowledged: boolean): ProctorAlert[] {
    return [...this.alerts.values()]
      .filter((a) => includeAcknowledged || !a.acknowledged)
      .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || b.alertId.localeCompare(a.alertId));
  }

  get unacknowledgedCount(): number {
    let n = 0;
    for (const a of this.alerts.values()) if (!a.acknowledged) n++;
    return n;
  }

  /** Sessions in a stable order (by name), so live updates never move the row a proctor is using. */
  sortedSessions(): SessionLive[] {
    return [...this.sessions.values()].sort((a, b) => a.studentName.localeCompare(b.studentName) || a.sessionId.localeCompare(b.sessionId));
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
