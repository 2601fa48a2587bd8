// Proctor/admin: the live dashboard of one room — students with status, last seen, risk and counters,
// an alert feed with evidence, acknowledgement, a student's anomaly timeline, warnings and termination.
// State lives in memory (RoomState), so alerts pushed while the tab is in the background are all there
// when it comes back; every (re)connection re-invokes WatchRoom and reloads the unacknowledged inbox.

import type { HubConnection } from '@microsoft/signalr';
import { ackAlert, fetchEvidence, getMe, listAlerts, listAnomalies, terminateSession, warnStudent } from '../../api/endpoints';
import type { Anomaly, AnomalyType, ProctorAlert, RoomSnapshot, SessionLive } from '../../api/types';
import { h, replace, setText, uid } from '../../lib/dom';
import { formatDateTime, formatTime, humanize, relativeTime, riskLevel } from '../../lib/format';
import { buildHub, hubErrorMessage, startHubWithRetry, stopHub } from '../../lib/hub';
import { connectionLabel, type ConnectionState } from '../../lib/reconnect';
import { CoalescingRunner } from '../../lib/coalesce';
import { RoomState } from '../../lib/room-state';
import type { PageContext } from '../../lib/router';
import { clock } from '../../lib/services';
import { StatusLine, badge, busy, errorMessage, input, pageHeader, promptDialog } from '../../ui/components';

/** Anomalies that come from frames and may carry an evidence image. */
const FRAME_TYPES = new Set<AnomalyType>(['no_face', 'multiple_faces', 'looking_away', 'object_detected', 'webcam_stopped']);

export function roomPage(ctx: PageContext): void {
  new RoomDashboard(ctx, ctx.params.slotId ?? '').mount();
}

class RoomDashboard {
  private readonly state: RoomState;
  private readonly status = new StatusLine('room-status');
  private hub: HubConnection | null = null;
  private showAcknowledged = false;
  private snapshotLoaded = false;

  private readonly header = pageHeader('Live room');
  private readonly windowText = h('p', { class: 'meta', testid: 'room-window' });
  private readonly connection = h('span', { class: 'connection', testid: 'connection-status', role: 'status', 'aria-live': 'polite' });
  private readonly counts = h('p', { class: 'meta', testid: 'room-counts', 'aria-live': 'polite' });
  private readonly grid = h('ul', { class: 'room-grid', testid: 'room-grid', 'aria-label': 'Students' });
  private readonly feed = h('ol', { class: 'alert-feed', testid: 'alert-feed' });
  private readonly feedTitle = h('h2', { id: 'feed-title', tabindex: '-1' }, 'Alerts');
  private readonly feedAnnouncer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', testid: 'alert-announcer' });

  private readonly cards = new Map<string, { el: HTMLElement; update: (s: SessionLive) => void }>();
  private readonly alertEls = new Map<string, { el: HTMLElement; update: (a: ProctorAlert) => void }>();
  /** anomalyId → evidence blob URL. */
  private readonly evidence = new Map<string, string>();
  /** anomalyId → the evidence download in progress (the feed and the timeline share it). */
  private readonly evidenceLoads = new Map<string, Promise<string | null>>();
  /** Alerts whose anomaly was listed without evidence (a later, more severe alert may bring some). */
  private readonly evidenceMissing = new Set<string>();
  /** One anomaly list per student at a time; alerts arriving meanwhile get another pass, failures a few retries. */
  private readonly evidenceRunner = new CoalescingRunner((sessionId) => this.loadSessionEvidence(sessionId), { delayMs: 500, retryDelaysMs: [2000, 5000, 10000] });
  private readonly blobUrls: string[] = [];

  constructor(
    private readonly ctx: PageContext,
    private readonly slotId: string,
  ) {
    this.state = new RoomState(slotId);
    ctx.onCleanup(() => this.teardown());
  }

  mount(): void {
    const toggleId = uid('ack');
    const toggle = input('checkbox', {
      id: toggleId,
      testid: 'show-acknowledged',
      on: {
        change: (e) => {
          this.showAcknowledged = (e.currentTarget as HTMLInputElement).checked;
          this.renderAlerts();
        },
      },
    });
    this.header.append(this.windowText, h('p', null, this.connection), this.counts);
    this.ctx.root.append(
      this.header,
      this.status.el,
      h(
        'div',
        { class: 'room-layout' },
        h('section', { class: 'room-students', 'aria-labelledby': 'students-title' }, h('h2', { id: 'students-title' }, 'Students'), this.grid),
        h(
          'section',
          { class: 'room-alerts', 'aria-labelledby': 'feed-title' },
          this.feedTitle,
          h('div', { class: 'field-check' }, toggle, h('label', { for: toggleId }, 'Show acknowledged alerts')),
          this.feedAnnouncer,
          this.feed,
        ),
      ),
    );
    this.renderSessions();
    this.renderAlerts();

    const timer = setInterval(() => this.refreshTimes(), 5000);
    this.ctx.onCleanup(() => clearInterval(timer));
    // Timers are throttled in background tabs; pushes are not. On return, refresh the view and resync.
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'visible') {
          this.refreshTimes();
          void this.resync(false);
        }
      },
      { signal: this.ctx.signal },
    );
    void this.connect();
  }

  // ---- Connection and synchronisation ------------------------------------------------------------------

  private async connect(): Promise<void> {
    const setState = (state: ConnectionState) => {
      setText(this.connection, connectionLabel(state));
      this.connection.dataset.state = state;
      if (state === 'reconnecting') {
        // A revoked or expired token makes every reconnection fail with 401: check it the normal way.
        void getMe().catch(() => undefined);
      }
    };
    const hub = buildHub('/hubs/proctor', { onState: setState, onReconnected: () => void this.resync(true) });
    this.hub = hub;
    hub.on('alert', (alert: ProctorAlert) => this.onAlert(alert));
    hub.on('sessionChanged', (change: SessionLive) => {
      if (!this.state.applySessionChanged(change)) {
        void this.resync(false);
        return;
      }
      const session = this.state.sessions.get(change.sessionId);
      if (session) this.renderSession(session);
      this.renderCounts();
    });
    let retried = false;
    const connected = await startHubWithRetry(hub, setState, {
      signal: this.ctx.signal,
      active: () => this.hub === hub,
      onRetry: (_failed, delayMs) => {
        retried = true;
        this.status.show('error', `Could not connect to live updates. Retrying in ${Math.round(delayMs / 1000)} s…`);
      },
    });
    if (!connected || this.hub !== hub) return;
    if (retried) this.status.clear();
    await this.resync(false, true);
  }

  /** Re-joins the room (snapshot) and reloads alerts: all recent ones at first, the unacknowledged inbox after a reconnection. */
  private async resync(afterReconnect: boolean, initial = false): Promise<void> {
    const hub = this.hub;
    if (!hub || this.ctx.signal.aborted) return;
    try {
      if (hub.state === 'Connected') {
        const snapshot = (await hub.invoke('WatchRoom', this.slotId)) as RoomSnapshot;
        this.applySnapshot(snapshot);
      }
    } catch (error) {
      this.status.show('error', `Could not open this room: ${hubErrorMessage(error)}`);
      return;
    }
    try {
      if (initial) {
        this.state.applyAlertList(await listAlerts(false));
      } else {
        this.state.resyncUnacknowledged(await listAlerts(true));
      }
      if (afterReconnect) this.status.show('info', `Reconnected at ${formatTime(new Date(clock.now()).toISOString())}; the room is up to date.`);
      this.renderAlerts();
      for (const alert of this.state.alerts.values()) this.ensureEvidence(alert);
    } catch (error) {
      this.status.error(error);
    }
  }

  private applySnapshot(snapshot: RoomSnapshot): void {
    this.state.applySnapshot(snapshot);
    this.snapshotLoaded = true;
    const slot = snapshot.slot;
    const h1 = this.header.querySelector('h1')!;
    replace(h1, 'Live room: ', h('span', { testid: 'room-title' }, slot.examTitle));
    document.title = `${slot.examTitle} · Live room · ProctorWise`;
    setText(this.windowText, `${formatDateTime(slot.startsAt)} – ${formatTime(slot.endsAt)} · ${slot.booked} booked of ${slot.capacity}`);
    this.renderSessions();
  }

  private onAlert(alert: ProctorAlert): void {
    const isNew = !this.state.alerts.has(alert.alertId);
    if (!this.state.applyAlert(alert)) return;
    this.renderAlerts();
    this.ensureEvidence(alert);
    if (isNew && !alert.acknowledged) {
      setText(this.feedAnnouncer, `New ${alert.severity} alert: ${alert.studentName}, ${alert.reason}`);
    }
  }

  // ---- Students ----------------------------------------------------------------------------------------

  private renderSessions(): void {
    const sessions = this.state.sortedSessions();
    if (sessions.length === 0) {
      replace(this.grid, h('li', { class: 'empty' }, this.snapshotLoaded ? 'No student has started yet.' : 'Loading the room…'));
      this.cards.clear();
    } else {
      this.grid.querySelector(':scope > li.empty')?.remove();
      const els = sessions.map((s) => this.cardFor(s));
      placeInOrder(this.grid, els);
      for (const s of sessions) this.cards.get(s.sessionId)?.update(s);
    }
    this.renderCounts();
  }

  private renderSession(session: SessionLive): void {
    if (!this.cards.has(session.sessionId)) {
      this.renderSessions();
      return;
    }
    this.cards.get(session.sessionId)!.update(session);
  }

  private renderCounts(): void {
    let running = 0;
    let finished = 0;
    let atRisk = 0;
    for (const s of this.state.sessions.values()) {
      if (s.status === 'in_progress') {
        running++;
        if (s.riskScore >= 50) atRisk++;
      } else finished++;
    }
    setText(this.counts, `${running} in progress · ${finished} finished · ${atRisk} at risk`);
  }

  private cardFor(initial: SessionLive): HTMLElement {
    const existing = this.cards.get(initial.sessionId);
    if (existing) return existing.el;
    const nameId = uid('student');
    const name = h('h3', { id: nameId, class: 'student-name', testid: 'student-name' });
    const statusEl = h('span', { testid: 'student-status' });
    const lastSeen = h('span', { testid: 'student-last-seen' });
    const riskText = h('span', { class: 'risk-text', testid: 'student-risk' });
    const riskFill = h('span', { class: 'risk-fill' });
    const riskBar = h('span', { class: 'risk-bar', 'aria-hidden': 'true' }, riskFill);
    const counters = h('ul', { class: 'counters', testid: 'student-counters' });
    const open = h('span', { testid: 'student-open-anomalies' });
    const timelineBtn = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'open-timeline', 'aria-describedby': nameId, on: { click: () => void this.openTimeline(this.state.sessions.get(initial.sessionId)!) } }, 'Timeline');
    const warnBtn = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'warn-student', 'aria-describedby': nameId, on: { click: () => void this.warn(this.state.sessions.get(initial.sessionId)!, warnBtn) } }, 'Warn');
    const terminateBtn = h('button', { type: 'button', class: 'btn btn-small btn-danger', testid: 'terminate-student', 'aria-describedby': nameId, on: { click: () => void this.terminate(this.state.sessions.get(initial.sessionId)!, terminateBtn) } }, 'Terminate');
    const el = h(
      'li',
      { class: 'student-card', testid: 'student-row', 'data-session-id': initial.sessionId, 'aria-labelledby': nameId },
      h('div', { class: 'student-head' }, name, statusEl),
      h('div', { class: 'risk' }, riskText, riskBar),
      h('p', { class: 'meta' }, 'Last seen ', lastSeen, ' · ', open),
      counters,
      h('div', { class: 'actions' }, timelineBtn, warnBtn, terminateBtn),
    );
    const update = (s: SessionLive) => {
      setText(name, s.studentName);
      const statusKind = s.status === 'in_progress' ? 'success' : s.status === 'terminated' ? 'danger' : 'neutral';
      if (statusEl.dataset.status !== s.status) {
        replace(statusEl, badge(humanize(s.status), statusKind));
        statusEl.dataset.status = s.status;
      }
      const level = riskLevel(s.riskScore);
      setText(riskText, `Risk ${s.riskScore} (${level})`);
      riskText.dataset.level = level;
      el.dataset.risk = level;
      riskFill.style.width = `${Math.max(0, Math.min(100, s.riskScore))}%`;
      riskFill.dataset.level = level;
      lastSeen.dataset.at = s.lastSeenAt ?? '';
      setText(lastSeen, relativeTime(s.lastSeenAt, clock.now()));
      setText(open, `${s.openAnomalies} open ${s.openAnomalies === 1 ? 'anomaly' : 'anomalies'}`);
      const entries = Object.entries(s.counters ?? {}).filter(([, n]) => (n ?? 0) > 0);
      replace(counters, ...(entries.length ? entries.map(([type, n]) => h('li', { 'data-type': type }, `${humanize(type)}: ${n}`)) : [h('li', { class: 'muted' }, 'No anomalies')]));
      const running = s.status === 'in_progress';
      warnBtn.disabled = !running;
      terminateBtn.disabled = !running;
      this.refreshStale(el, s);
    };
    this.cards.set(initial.sessionId, { el, update });
    return el;
  }

  private refreshTimes(): void {
    for (const [id, card] of this.cards) {
      const s = this.state.sessions.get(id);
      if (!s) continue;
      const lastSeen = card.el.querySelector<HTMLElement>('[data-testid="student-last-seen"]');
      if (lastSeen) setText(lastSeen, relativeTime(s.lastSeenAt, clock.now()));
      this.refreshStale(card.el, s);
    }
    for (const [id, item] of this.alertEls) {
      const a = this.state.alerts.get(id);
      if (a) item.update(a);
    }
  }

  private refreshStale(el: HTMLElement, s: SessionLive): void {
    const stale = s.status === 'in_progress' && (!s.lastSeenAt || clock.now() - Date.parse(s.lastSeenAt) > 30_000);
    el.classList.toggle('stale', stale);
  }

  // ---- Alerts ------------------------------------------------------------------------------------------

  private renderAlerts(): void {
    const alerts = this.state.sortedAlerts(this.showAcknowledged);
    const unacked = this.state.unacknowledgedCount;
    setText(this.feedTitle, `Alerts (${unacked} open)`);
    if (alerts.length === 0) {
      for (const { el } of this.alertEls.values()) el.remove();
      if (!this.feed.querySelector(':scope > li.empty')) replace(this.feed, h('li', { class: 'empty', testid: 'no-alerts' }, 'No open alerts.'));
      return;
    }
    this.feed.querySelector(':scope > li.empty')?.remove();
    const els = alerts.map((a) => this.alertElement(a));
    placeInOrder(this.feed, els);
    for (const a of alerts) this.alertEls.get(a.alertId)?.update(a);
  }

  private alertElement(alert: ProctorAlert): HTMLElement {
    const existing = this.alertEls.get(alert.alertId);
    if (existing) return existing.el;
    const severity = h('span', { testid: 'alert-severity' });
    const time = h('time', { testid: 'alert-time' });
    const risk = h('span', { class: 'muted', testid: 'alert-risk' });
    const evidenceSlot = h('div', { class: 'evidence-slot' });
    const actions = h('div', { class: 'actions' });
    const ack = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'ack-alert', on: { click: () => void this.acknowledge(alert.alertId, ack) } }, 'Acknowledge');
    const timeline = h('button', {
      type: 'button',
      class: 'btn btn-small btn-secondary',
      testid: 'alert-timeline',
      on: {
        click: () => {
          const s = this.state.sessions.get(alert.sessionId);
          void this.openTimeline(s ?? ({ sessionId: alert.sessionId, studentName: alert.studentName } as SessionLive));
        },
      },
    }, 'Timeline');
    const el = h(
      'li',
      { class: 'alert-item', testid: 'alert-item', 'data-alert-id': alert.alertId, 'data-session-id': alert.sessionId },
      h('div', { class: 'alert-head' }, severity, h('strong', { testid: 'alert-student' }, alert.studentName), h('span', { class: 'muted' }, ` · ${humanize(alert.type)}`)),
      h('p', { class: 'alert-reason', testid: 'alert-reason' }, alert.reason),
      h('p', { class: 'meta' }, time, ' · ', risk),
      evidenceSlot,
      actions,
    );
    const update = (a: ProctorAlert) => {
      el.dataset.severity = a.severity;
      if (severity.dataset.severity !== a.severity) {
        replace(severity, badge(a.severity, `severity-${a.severity}`));
        severity.dataset.severity = a.severity;
      }
      setText(time, `${formatTime(a.occurredAt)} (${relativeTime(a.occurredAt, clock.now())})`);
      time.setAttribute('datetime', a.occurredAt);
      setText(risk, `risk ${a.riskScore}`);
      el.classList.toggle('acknowledged', a.acknowledged);
      el.dataset.acknowledged = String(a.acknowledged);
      const wanted = a.acknowledged ? [timeline, h('span', { class: 'muted', testid: 'alert-acknowledged' }, 'Acknowledged')] : [ack, timeline];
      if (a.acknowledged ? !actions.querySelector('[data-testid="alert-acknowledged"]') : !actions.contains(ack)) replace(actions, ...wanted);
      const url = this.evidence.get(a.anomalyId);
      if (url && !evidenceSlot.firstChild) {
        evidenceSlot.append(h('img', { src: url, class: 'evidence', testid: 'alert-evidence', alt: `Evidence frame for ${a.studentName}: ${a.reason}`, width: 160, height: 120 }));
      }
    };
    this.alertEls.set(alert.alertId, { el, update });
    return el;
  }

  private async acknowledge(alertId: string, btn: HTMLButtonElement): Promise<void> {
    await busy(btn, async () => {
      try {
        await ackAlert(alertId);
        const el = this.alertEls.get(alertId)?.el;
        const hadFocus = el?.contains(document.activeElement) ?? false;
        const next = el?.nextElementSibling as HTMLElement | null;
        this.state.acknowledge(alertId);
        this.renderAlerts();
        if (hadFocus && !this.showAcknowledged) {
          (next?.querySelector<HTMLElement>('[data-testid="ack-alert"]') ?? this.feedTitle).focus();
        }
        setText(this.feedAnnouncer, 'Alert acknowledged.');
      } catch (error) {
        this.status.error(error);
      }
    });
  }

  /** Whether a frame-based alert still lacks its evidence thumbnail. */
  private needsEvidence(alert: ProctorAlert): boolean {
    return FRAME_TYPES.has(alert.type) && !this.evidence.has(alert.anomalyId) && !this.evidenceMissing.has(alert.alertId);
  }

  /**
   * Loads the evidence image of a frame-based alert's anomaly. Requests for a student whose anomalies are
   * being fetched are queued (not dropped), so the thumbnail of an alert arriving meanwhile appears too.
   */
  private ensureEvidence(alert: ProctorAlert): void {
    if (this.ctx.signal.aborted || !this.needsEvidence(alert)) return;
    this.evidenceRunner.request(alert.sessionId);
  }

  /** One pass for a student: list the anomalies, download missing images; true when no alert is left waiting. */
  private async loadSessionEvidence(sessionId: string): Promise<boolean> {
    if (this.ctx.signal.aborted) return true;
    const anomalies = await listAnomalies(sessionId);
    await Promise.all(anomalies.map((anomaly) => this.loadEvidence(anomaly)));
    if (this.ctx.signal.aborted) return true;
    const byId = new Map(anomalies.map((a) => [a.id, a]));
    let waiting = false;
    for (const alert of this.state.alerts.values()) {
      if (alert.sessionId !== sessionId || !this.needsEvidence(alert)) continue;
      const anomaly = byId.get(alert.anomalyId);
      if (anomaly && !anomaly.evidenceUrl) this.evidenceMissing.add(alert.alertId);
      else waiting = true; // not listed yet, or its download failed: retry
    }
    this.renderAlerts();
    return !waiting;
  }

  private loadEvidence(anomaly: Anomaly): Promise<string | null> {
    const cached = this.evidence.get(anomaly.id);
    if (cached) return Promise.resolve(cached);
    if (!anomaly.evidenceUrl) return Promise.resolve(null);
    const inFlight = this.evidenceLoads.get(anomaly.id);
    if (inFlight) return inFlight;
    const url = anomaly.evidenceUrl;
    const load = (async () => {
      try {
        const blob = await fetchEvidence(url, this.ctx.signal);
        if (this.ctx.signal.aborted) return null;
        const objectUrl = URL.createObjectURL(blob);
        this.blobUrls.push(objectUrl);
        this.evidence.set(anomaly.id, objectUrl);
        return objectUrl;
      } catch {
        return null;
      } finally {
        this.evidenceLoads.delete(anomaly.id);
      }
    })();
    this.evidenceLoads.set(anomaly.id, load);
    return load;
  }

  // ---- Timeline, warning, termination ------------------------------------------------------------------

  private async openTimeline(session: SessionLive): Promise<void> {
    const titleId = uid('tl');
    const list = h('ol', { class: 'timeline', testid: 'timeline-list' }, h('li', { class: 'muted' }, 'Loading…'));
    const close = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'close-timeline' }, 'Close');
    const dialog = h('dialog', { class: 'dialog dialog-wide', testid: 'timeline', 'aria-labelledby': titleId }, h('div', { class: 'dialog-body' }, h('h2', { id: titleId }, `Timeline: ${session.studentName}`), list, h('div', { class: 'actions' }, close)));
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    close.focus();
    this.ctx.onCleanup(() => dialog.open && dialog.close());
    try {
      const anomalies = await listAnomalies(session.sessionId);
      anomalies.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
      if (anomalies.length === 0) {
        replace(list, h('li', { class: 'muted' }, 'No anomalies recorded for this session.'));
        return;
      }
      const items = await Promise.all(
        anomalies.map(async (a) => {
          const url = await this.loadEvidence(a);
          return h(
            'li',
            { class: `timeline-item severity-${a.severity}`, testid: 'timeline-item', 'data-anomaly-id': a.id },
            h('div', { class: 'alert-head' }, badge(a.severity, `severity-${a.severity}`), h('strong', null, humanize(a.type)), a.count > 1 ? h('span', { class: 'muted' }, ` ×${a.count}`) : null),
            h('p', { testid: 'timeline-reason' }, a.reason),
            h('p', { class: 'meta' }, `${formatTime(a.startedAt)} – ${a.endedAt ? formatTime(a.endedAt) : 'ongoing'}`),
            url ? h('img', { src: url, class: 'evidence', testid: 'timeline-evidence', alt: `Evidence: ${a.reason}`, width: 320, height: 240 }) : null,
          );
        }),
      );
      replace(list, ...items);
    } catch (error) {
      replace(list, h('li', { class: 'field-error', role: 'alert' }, errorMessage(error)));
    }
  }

  private async warn(session: SessionLive, btn: HTMLButtonElement): Promise<void> {
    const message = await promptDialog({
      title: `Warn ${session.studentName}`,
      message: 'The student sees this message immediately on the exam page.',
      label: 'Message to the student',
      multiline: true,
      required: true,
      maxLength: 1000,
      confirmLabel: 'Send warning',
      testid: 'warn-dialog',
      inputTestid: 'warn-message',
      confirmTestid: 'send-warning',
    });
    if (!message) return;
    await busy(btn, async () => {
      try {
        await warnStudent(session.sessionId, message);
        this.status.show('success', `Warning sent to ${session.studentName}.`);
      } catch (error) {
        this.status.error(error);
      }
    });
    btn.focus();
  }

  private async terminate(session: SessionLive, btn: HTMLButtonElement): Promise<void> {
    const reason = await promptDialog({
      title: `End ${session.studentName}’s exam?`,
      message: 'The session is submitted as terminated right away and the student sees your reason. This cannot be undone.',
      label: 'Reason (shown to the student)',
      multiline: true,
      required: true,
      maxLength: 1000,
      confirmLabel: 'Terminate exam',
      danger: true,
      testid: 'terminate-dialog',
      inputTestid: 'terminate-reason',
      confirmTestid: 'confirm-terminate',
    });
    if (!reason) return;
    await busy(btn, async () => {
      try {
        await terminateSession(session.sessionId, reason);
        this.status.show('success', `${session.studentName}’s exam was terminated.`);
        const current = this.state.sessions.get(session.sessionId);
        if (current) {
          this.state.sessions.set(session.sessionId, { ...current, status: 'terminated' });
          this.renderSession(this.state.sessions.get(session.sessionId)!);
          this.renderCounts();
        }
      } catch (error) {
        this.status.error(error);
      }
    });
  }

  private teardown(): void {
    this.evidenceRunner.dispose();
    if (this.hub) {
      const hub = this.hub;
      this.hub = null;
      void hub.invoke('UnwatchRoom', this.slotId).catch(() => undefined).finally(() => stopHub(hub));
    }
    for (const url of this.blobUrls) URL.revokeObjectURL(url);
  }
}

/** Puts `els` into `container` in this order, moving only what is out of place (keeps focus where possible). */
function placeInOrder(container: HTMLElement, els: HTMLElement[]): void {
  const wanted = new Set(els);
  for (const child of [...container.children]) if (!wanted.has(child as HTMLElement)) child.remove();
  els.forEach((el, i) => {
    const at = container.children[i] ?? null;
    if (at !== el) container.insertBefore(el, at);
  });
}

