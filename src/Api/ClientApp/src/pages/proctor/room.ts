// Proctor/admin: the live room — a grid of compact student tiles (live camera frame, name, risk, status,
// open alerts, progress) with sorting, filters and arrow-key navigation, a focused view per student with
// every action (pages/proctor/focused-view.ts), an alert feed with evidence and acknowledgement, and
// optional sound and desktop notifications for high and critical alerts (lib/attention.ts).
// State lives in memory (RoomState), so alerts pushed while the tab is in the background are all there
// when it comes back; every (re)connection re-invokes WatchRoom and reloads the unacknowledged inbox.

import type { HubConnection } from '@microsoft/signalr';
import type { ApiError } from '../../api/client';
import { ackAlert, fetchEvidence, getMe, listAlerts, listAnomalies, listSlotBookings } from '../../api/endpoints';
import type { Anomaly, AnomalyType, ProctorAlert, RoomSnapshot, SessionLive, Slot } from '../../api/types';
import { Attention, isUrgent, setSoundEnabled, soundEnabled } from '../../lib/attention';
import { h, replace, setText, uid } from '../../lib/dom';
import { formatDateTime, formatTime, humanize, relativeTime, riskLevel } from '../../lib/format';
import { buildHub, hubErrorMessage, startHubWithRetry, stopHub } from '../../lib/hub';
import { connectionLabel, type ConnectionState } from '../../lib/reconnect';
import { CoalescingRunner } from '../../lib/coalesce';
import { RoomState } from '../../lib/room-state';
import type { PageContext } from '../../lib/router';
import { clock } from '../../lib/services';
import {
  AT_RISK_SCORE,
  FILTER_LABELS,
  cameraCaption,
  cameraLabel,
  cameraState,
  columnsOf,
  moveInGrid,
  passes,
  progressText,
  sortSessions,
  titleWithCount,
  type BookedStudent,
  type GridKey,
  type RoomFilter,
  type RoomSort,
} from '../../lib/room-grid';
import { StatusLine, badge, busy, input, pageHeader, select, slotStateBadge } from '../../ui/components';
import { FocusedView } from './focused-view';
import { LiveFrames } from './live-frames';

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
  private slot: Slot | null = null;

  private readonly header = pageHeader('Live room');
  private readonly windowText = h('span', { testid: 'room-window' });
  private readonly connection = h('span', { class: 'connection', testid: 'connection-status', role: 'status', 'aria-live': 'polite' });
  private readonly counts = h('span', { testid: 'room-counts', 'aria-live': 'polite' });
  private readonly grid = h('ul', { class: 'room-grid', testid: 'room-grid', 'aria-label': 'Students', 'aria-describedby': 'grid-help' });
  private readonly feed = h('ol', { class: 'alert-feed', testid: 'alert-feed' });
  private readonly feedTitle = h('h2', { id: 'feed-title', tabindex: '-1' }, 'Alerts');
  private readonly feedAnnouncer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', testid: 'alert-announcer' });

  private readonly cards = new Map<string, { el: HTMLElement; update: (s: SessionLive) => void; renderFrame: () => void }>();
  private readonly bookedEls = new Map<string, HTMLElement>();
  private bookings: BookedStudent[] = [];
  private sort: RoomSort = 'risk';
  private filter: RoomFilter = 'all';
  private focused: FocusedView | null = null;
  private resortTimer: ReturnType<typeof setTimeout> | null = null;
  private titleBase = 'Live room · ProctorWise';
  private readonly attention = new Attention();
  private readonly frames: LiveFrames;
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
    this.frames = new LiveFrames(ctx.signal, (error: ApiError) => this.status.show('error', `Camera frames are not available: ${error.message}`));
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
    // One line of facts under the heading: every line of chrome is a row of tiles less on the screen.
    this.header.append(h('p', { class: 'meta room-facts' }, this.windowText, h('span', { 'aria-hidden': 'true' }, ' · '), this.connection, h('span', { 'aria-hidden': 'true' }, ' · '), this.counts));
    const sortId = uid('sort');
    const filterId = uid('filter');
    const sortSelect = select([['risk', 'Risk (highest first)'], ['name', 'Name']], this.sort, { id: sortId, testid: 'room-sort' });
    sortSelect.addEventListener('change', () => {
      this.sort = sortSelect.value as RoomSort;
      this.renderSessions();
    });
    const filterSelect = select(Object.entries(FILTER_LABELS), this.filter, { id: filterId, testid: 'room-filter' });
    filterSelect.addEventListener('change', () => {
      this.filter = filterSelect.value as RoomFilter;
      this.renderSessions();
    });
    const soundId = uid('sound');
    const sound = input('checkbox', { id: soundId, testid: 'room-sound', props: { checked: soundEnabled() } });
    sound.addEventListener('change', () => {
      setSoundEnabled(sound.checked);
      if (sound.checked) this.attention.unlockSound();
    });
    const notifyBtn = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'room-notifications' }, 'Desktop notifications');
    const renderNotify = () => {
      const permission = this.attention.notificationPermission;
      notifyBtn.hidden = permission === 'unsupported';
      notifyBtn.disabled = permission !== 'default';
      setText(notifyBtn, permission === 'granted' ? 'Desktop notifications on' : permission === 'denied' ? 'Desktop notifications blocked' : 'Enable desktop notifications');
    };
    notifyBtn.addEventListener('click', () => void this.attention.askNotifications().then(renderNotify));
    renderNotify();
    this.grid.addEventListener('keydown', (e) => this.onGridKey(e));
    this.ctx.root.classList.add('main-wide');
    this.ctx.onCleanup(() => this.ctx.root.classList.remove('main-wide'));
    this.ctx.root.append(
      this.header,
      this.status.el,
      h(
        'div',
        { class: 'room-layout' },
        h(
          'section',
          { class: 'room-students', 'aria-labelledby': 'students-title' },
          // The heading, the grid's controls and its keyboard help share one row above the tiles.
          h(
            'div',
            { class: 'room-toolbar', testid: 'room-toolbar' },
            h('h2', { id: 'students-title' }, 'Students'),
            h('div', { class: 'field-inline' }, h('label', { for: sortId }, 'Sort by'), sortSelect),
            h('div', { class: 'field-inline' }, h('label', { for: filterId }, 'Show'), filterSelect),
            h('div', { class: 'field-check' }, sound, h('label', { for: soundId }, 'Sound for high alerts')),
            notifyBtn,
            h('p', { id: 'grid-help', class: 'meta' }, 'Arrow keys move between students; Enter opens one.'),
          ),
          this.grid,
        ),
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
    this.frames.subscribe((id) => {
      this.cards.get(id)?.renderFrame();
      // The image bytes this page received so far, for the cost figures of docs/PERFORMANCE.md.
      this.grid.dataset.frameBytes = String(this.frames.bytes);
      this.grid.dataset.frameImages = String(this.frames.images);
    });
    this.frames.start(() => [...this.state.sessions.values()].filter((s) => s.status === 'in_progress').map((s) => s.sessionId));
    void this.loadBookings();
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
          this.frames.refreshSoon();
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
    this.titleBase = `${slot.examTitle} · Live room · ProctorWise`;
    document.title = titleWithCount(this.titleBase, this.state.unacknowledgedCount);
    this.slot = slot;
    this.renderWindow();
    this.renderSessions();
  }

  /** The slot's times and its state (upcoming / open / closed, the words of every page), kept current. */
  private renderWindow(): void {
    const slot = this.slot;
    if (!slot) return;
    const text = `${formatDateTime(slot.startsAt)} – ${formatTime(slot.endsAt)} · ${slot.booked} booked of ${slot.capacity}`;
    const state = slotStateBadge(slot, clock.now());
    if (this.windowText.textContent !== `${state.textContent} ${text}`) replace(this.windowText, state, ' ', text);
  }

  private onAlert(alert: ProctorAlert): void {
    const isNew = !this.state.alerts.has(alert.alertId);
    if (!this.state.applyAlert(alert)) return;
    this.renderAlerts();
    this.ensureEvidence(alert);
    if (isNew && !alert.acknowledged) {
      setText(this.feedAnnouncer, `New ${alert.severity} alert: ${alert.studentName}, ${alert.reason}`);
      if (isUrgent(alert)) {
        if (soundEnabled()) this.attention.beep();
        if (document.visibilityState === 'hidden' || !document.hasFocus()) this.attention.notify(alert);
      }
    }
  }

  // ---- Students: the grid of tiles ----------------------------------------------------------------------

  private renderSessions(): void {
    const open = this.openAlertCounts();
    const sessions = sortSessions(this.state.sessions.values(), this.sort).filter((s) => passes(s, this.filter, open.get(s.sessionId) ?? 0));
    const notStarted = this.filter === 'not_started' || this.filter === 'all' ? this.notStartedStudents() : [];
    if (sessions.length === 0 && notStarted.length === 0) {
      const text = !this.snapshotLoaded ? 'Loading the room…' : this.state.sessions.size === 0 && this.filter === 'all' ? 'No student has started yet.' : 'No student matches this filter.';
      replace(this.grid, h('li', { class: 'empty', testid: 'room-empty' }, text));
    } else {
      this.grid.querySelector(':scope > li.empty')?.remove();
      const els = [...sessions.map((s) => this.cardFor(s)), ...notStarted.map((b) => this.bookedTile(b))];
      placeInOrder(this.grid, els);
      for (const s of sessions) this.cards.get(s.sessionId)?.update(s);
      this.fixRovingFocus();
    }
    this.renderCounts();
  }

  private renderSession(session: SessionLive): void {
    if (!this.cards.has(session.sessionId)) {
      this.renderSessions();
      return;
    }
    this.cards.get(session.sessionId)!.update(session);
    if (this.sort === 'risk' || this.filter !== 'all') this.renderSessionsSoon();
    if (this.focused?.sessionId === session.sessionId) this.focused.update();
    if (session.status !== 'in_progress') this.frames.forget(session.sessionId);
  }

  /** Re-sorting on every push would make tiles jump under the pointer: at most once a second. */
  private renderSessionsSoon(): void {
    if (this.resortTimer) return;
    this.resortTimer = setTimeout(() => {
      this.resortTimer = null;
      if (!this.ctx.signal.aborted) this.renderSessions();
    }, 1000);
  }

  private renderCounts(): void {
    let running = 0;
    let finished = 0;
    let atRisk = 0;
    for (const s of this.state.sessions.values()) {
      if (s.status === 'in_progress') {
        running++;
        if (s.riskScore >= AT_RISK_SCORE) atRisk++;
      } else finished++;
    }
    const waiting = this.notStartedStudents().length;
    setText(this.counts, `${running} in progress · ${finished} finished · ${atRisk} at risk${waiting ? ` · ${waiting} not started` : ''}`);
  }

  private openAlertCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const a of this.state.alerts.values()) if (!a.acknowledged) counts.set(a.sessionId, (counts.get(a.sessionId) ?? 0) + 1);
    return counts;
  }

  /** Booked students without a session yet (the slot's bookings minus the room's sessions). */
  private notStartedStudents(): BookedStudent[] {
    const started = new Set([...this.state.sessions.values()].map((s) => s.studentId));
    return this.bookings.filter((b) => !started.has(b.studentId));
  }

  private async loadBookings(): Promise<void> {
    try {
      const bookings = await listSlotBookings(this.slotId);
      this.bookings = bookings.filter((b) => b.status === 'booked').map((b) => ({ studentId: b.studentId, studentName: b.studentName }));
      this.bookings.sort((a, b) => a.studentName.localeCompare(b.studentName));
      this.renderSessions();
    } catch {
      // The room works without the list of students who have not started; the counts then leave them out.
    }
  }

  private bookedTile(b: BookedStudent): HTMLElement {
    const existing = this.bookedEls.get(b.studentId);
    if (existing) return existing;
    const el = h(
      'li',
      { class: 'student-card tile not-started', testid: 'booked-row', 'data-student-id': b.studentId, tabindex: '-1' },
      h('div', { class: 'frame-box', 'aria-hidden': 'true' }, h('span', { class: 'frame-placeholder' }, 'Not started')),
      h('div', { class: 'tile-body' }, h('h3', { class: 'student-name' }, b.studentName), h('p', { class: 'meta' }, 'Booked, not started')),
    );
    this.bookedEls.set(b.studentId, el);
    return el;
  }

  private cardFor(initial: SessionLive): HTMLElement {
    const existing = this.cards.get(initial.sessionId);
    if (existing) return existing.el;
    const id = initial.sessionId;
    const nameId = uid('student');
    const name = h('h3', { id: nameId, class: 'student-name', testid: 'student-name' });
    const statusEl = h('span', { testid: 'student-status' });
    const lastSeen = h('span', { testid: 'student-last-seen' });
    const riskText = h('span', { class: 'risk-text', testid: 'student-risk' });
    const riskFill = h('span', { class: 'risk-fill' });
    const riskBar = h('span', { class: 'risk-bar', 'aria-hidden': 'true' }, riskFill);
    const open = h('span', { testid: 'student-open-alerts' });
    const progress = h('p', { class: 'meta tile-progress', testid: 'student-progress' });
    // The camera's state is written over the picture, so that a tile needs four short lines only (issue 17:
    // thirty tiles on one 1080p screen); its full wording is the tooltip and the focused view's.
    const camera = h('span', { class: 'camera-caption', testid: 'tile-camera' });
    const image = h('img', { class: 'tile-frame', testid: 'tile-frame', alt: '', width: 160, height: 120, hidden: true });
    const reviewed = h('span', { class: 'badge badge-info', testid: 'student-reviewed', hidden: true }, 'Reviewed');
    const openBtn = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'open-student', tabindex: '-1', 'aria-describedby': nameId, on: { click: () => this.openFocused(id) } }, 'Open');
    const el = h(
      'li',
      { class: 'student-card tile', testid: 'student-row', 'data-session-id': id, 'aria-labelledby': nameId, tabindex: '-1' },
      h('div', { class: 'frame-box' }, image, camera),
      h(
        'div',
        { class: 'tile-body' },
        h('div', { class: 'student-head' }, name, statusEl),
        h('div', { class: 'risk' }, h('span', { class: 'risk-words' }, riskText, ' · ', open), riskBar),
        progress,
        h('div', { class: 'tile-foot meta' }, h('span', { class: 'seen' }, 'seen ', lastSeen), reviewed, openBtn),
      ),
    );
    el.addEventListener('dblclick', () => this.openFocused(id));
    el.addEventListener('focus', () => this.setRoving(el));
    const renderFrame = () => {
      const s = this.state.sessions.get(id);
      if (!s) return;
      const frame = this.frames.get(id);
      const state = cameraState(s, frame.capturedAt, clock.now(), frame.loaded);
      setText(camera, cameraCaption(state, frame.capturedAt, clock.now()));
      camera.title = cameraLabel(state, frame.capturedAt, clock.now());
      camera.dataset.state = state;
      el.dataset.camera = state;
      if (frame.url && state !== 'ended') {
        if (image.src !== frame.url) image.src = frame.url;
        image.alt = `Camera of ${s.studentName}`;
        image.dataset.capturedAt = frame.capturedAt ?? '';
        image.dataset.frames = String(frame.count);
        image.hidden = false;
      } else {
        image.hidden = true;
      }
    };
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
      el.dataset.status = s.status;
      riskFill.style.width = `${Math.max(0, Math.min(100, s.riskScore))}%`;
      riskFill.dataset.level = level;
      const alerts = this.openAlertCounts().get(id) ?? 0;
      setText(open, `${alerts} open ${alerts === 1 ? 'alert' : 'alerts'}`);
      open.dataset.count = String(alerts);
      lastSeen.dataset.at = s.lastSeenAt ?? '';
      setText(lastSeen, relativeTime(s.lastSeenAt, clock.now()));
      setText(progress, progressText(s, clock.now()));
      reviewed.hidden = !s.review;
      if (s.review) reviewed.title = s.review.note;
      renderFrame();
    };
    this.cards.set(id, { el, update, renderFrame });
    return el;
  }

  private refreshTimes(): void {
    this.renderWindow();
    for (const [id, card] of this.cards) {
      const s = this.state.sessions.get(id);
      if (s) card.update(s);
    }
    for (const [id, item] of this.alertEls) {
      const a = this.state.alerts.get(id);
      if (a) item.update(a);
    }
    this.focused?.update();
  }

  // ---- Keyboard: one tab stop for the grid, arrow keys between tiles, Enter opens the focused view ----------

  private tiles(): HTMLElement[] {
    return [...this.grid.querySelectorAll<HTMLElement>(':scope > li.tile')];
  }

  private setRoving(target: HTMLElement): void {
    for (const tile of this.tiles()) tile.tabIndex = tile === target ? 0 : -1;
  }

  private fixRovingFocus(): void {
    const tiles = this.tiles();
    if (tiles.length && !tiles.some((t) => t.tabIndex === 0)) tiles[0]!.tabIndex = 0;
  }

  private onGridKey(event: KeyboardEvent): void {
    const tiles = this.tiles();
    const current = (event.target as HTMLElement).closest<HTMLElement>('li.tile');
    if (!current || !tiles.length) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (event.target !== current) return; // a button inside the tile handles its own keys
      const id = current.dataset.sessionId;
      if (id) {
        event.preventDefault();
        this.openFocused(id);
      }
      return;
    }
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    event.preventDefault();
    const columns = columnsOf(tiles.map((t) => t.offsetTop));
    const next = tiles[moveInGrid(tiles.indexOf(current), event.key as GridKey, tiles.length, columns)];
    if (next) {
      this.setRoving(next);
      next.focus();
    }
  }

  private openFocused(sessionId: string): void {
    this.focused?.close();
    const view = new FocusedView(
      {
        session: (id) => this.state.sessions.get(id),
        openAlerts: (id) => this.state.sortedAlerts(false).filter((a) => a.sessionId === id),
        acknowledge: (alertId, btn) => this.acknowledge(alertId, btn),
        loadEvidence: (anomaly) => this.loadEvidence(anomaly),
        markTerminated: (id) => {
          const current = this.state.sessions.get(id);
          if (current) {
            this.state.sessions.set(id, { ...current, status: 'terminated' });
            this.renderSession(this.state.sessions.get(id)!);
            this.renderCounts();
          }
        },
        frames: this.frames,
      },
      sessionId,
    );
    const opener = this.cards.get(sessionId)?.el;
    view.dialog.addEventListener('close', () => {
      if (this.focused === view) this.focused = null;
      opener?.focus();
    });
    this.focused = view;
    view.open();
  }

  // ---- Alerts ------------------------------------------------------------------------------------------

  private renderAlerts(): void {
    const alerts = this.state.sortedAlerts(this.showAcknowledged);
    const unacked = this.state.unacknowledgedCount;
    setText(this.feedTitle, `Alerts (${unacked} open)`);
    // The tab title carries the open count, so a proctor in another tab sees that something came in.
    document.title = titleWithCount(this.titleBase, unacked);
    for (const [id, card] of this.cards) {
      const s = this.state.sessions.get(id);
      if (s) card.update(s);
    }
    this.focused?.renderAlerts();
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
      // The student's focused view holds the timeline and every action.
      on: { click: () => this.openFocused(alert.sessionId) },
    }, 'Open student');
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

  private teardown(): void {
    this.evidenceRunner.dispose();
    this.frames.stop();
    this.attention.dispose();
    this.focused?.close();
    if (this.resortTimer) clearTimeout(this.resortTimer);
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

