// The focused view of one student in the live room: a large live frame, the facts (status, risk, progress,
// review), the student's open alerts with acknowledgement, the anomaly timeline with evidence, and every
// action: warn, extend time, terminate, mark reviewed with a note.

import { extendSession, listAnomalies, reviewSession, terminateSession, warnStudent } from '../../api/endpoints';
import type { Anomaly, ProctorAlert, SessionLive } from '../../api/types';
import { h, replace, setText, uid } from '../../lib/dom';
import { formatDateTime, formatTime, humanize, relativeTime, riskLevel } from '../../lib/format';
import { cameraLabel, cameraState, progressText } from '../../lib/room-grid';
import { clock } from '../../lib/services';
import { StatusLine, badge, busy, errorMessage, promptDialog, trapFocus } from '../../ui/components';
import type { LiveFrames } from './live-frames';

/** What the focused view needs from the room. */
export interface FocusedHost {
  session(sessionId: string): SessionLive | undefined;
  openAlerts(sessionId: string): ProctorAlert[];
  acknowledge(alertId: string, btn: HTMLButtonElement): Promise<void>;
  loadEvidence(anomaly: Anomaly): Promise<string | null>;
  /** The session ended on the proctor's action: the room updates its tile at once. */
  markTerminated(sessionId: string): void;
  frames: LiveFrames;
}

export class FocusedView {
  readonly dialog: HTMLDialogElement;
  private readonly status = new StatusLine('focused-status');
  private readonly image = h('img', { class: 'focused-frame', testid: 'focused-frame', alt: '', width: 320, height: 240, hidden: true });
  private readonly camera = h('p', { class: 'meta', testid: 'focused-camera' });
  private readonly facts = h('dl', { class: 'focused-facts', testid: 'focused-facts' });
  private readonly alerts = h('ol', { class: 'alert-feed', testid: 'focused-alerts' });
  private readonly timeline = h('ol', { class: 'timeline', testid: 'timeline-list' }, h('li', { class: 'muted' }, 'Loading…'));
  private readonly warnBtn: HTMLButtonElement;
  private readonly extendBtn: HTMLButtonElement;
  private readonly terminateBtn: HTMLButtonElement;
  private readonly reviewBtn: HTMLButtonElement;
  private readonly unsubscribe: () => void;
  /** The session whose "Warning sent" message is on screen: cleared when that session ends. */
  private warned = false;

  constructor(
    private readonly host: FocusedHost,
    readonly sessionId: string,
  ) {
    const titleId = uid('focus');
    const s = host.session(sessionId);
    const name = s?.studentName ?? 'Student';
    const button = (label: string, testid: string, kind: string, onClick: (b: HTMLButtonElement) => Promise<void>) => {
      const b: HTMLButtonElement = h('button', { type: 'button', class: `btn btn-small ${kind}`, testid, on: { click: () => void onClick(b) } }, label);
      return b;
    };
    this.warnBtn = button('Warn', 'warn-student', 'btn-secondary', (b) => this.warn(b));
    this.extendBtn = button('Extend time', 'extend-time', 'btn-secondary', (b) => this.extend(b));
    this.reviewBtn = button('Mark reviewed', 'review-student', 'btn-secondary', (b) => this.review(b));
    this.terminateBtn = button('Terminate', 'terminate-student', 'btn-danger', (b) => this.terminate(b));
    const close = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'close-focused' }, 'Close');
    this.dialog = h(
      'dialog',
      { class: 'dialog dialog-wide focused-view', testid: 'focused-view', 'data-session-id': sessionId, 'aria-labelledby': titleId },
      h(
        'div',
        { class: 'dialog-body' },
        h('h2', { id: titleId, testid: 'focused-name' }, name),
        h(
          'div',
          { class: 'focused-layout' },
          h('div', { class: 'focused-camera' }, h('div', { class: 'frame-box frame-box-large' }, this.image), this.camera),
          h('div', null, this.facts, h('div', { class: 'actions' }, this.warnBtn, this.extendBtn, this.reviewBtn, this.terminateBtn), this.status.el),
        ),
        h('h3', null, 'Open alerts'),
        this.alerts,
        h('h3', null, 'Timeline'),
        this.timeline,
        h('div', { class: 'actions' }, close),
      ),
    );
    close.addEventListener('click', () => this.dialog.close());
    this.unsubscribe = host.frames.subscribe((id) => {
      if (id === sessionId) this.renderFrame();
    });
    trapFocus(this.dialog);
    this.dialog.addEventListener('close', () => {
      this.unsubscribe();
      this.dialog.remove();
    });
  }

  open(): void {
    document.body.append(this.dialog);
    this.dialog.showModal();
    this.update();
    this.renderAlerts();
    void this.loadTimeline();
    (this.dialog.querySelector<HTMLButtonElement>('[data-testid="close-focused"]') ?? this.warnBtn).focus();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  /** The session changed (push or snapshot). */
  update(): void {
    const s = this.host.session(this.sessionId);
    if (!s) return;
    const level = riskLevel(s.riskScore);
    const running = s.status === 'in_progress';
    const row = (term: string, value: string, testid: string) => [h('dt', null, term), h('dd', { testid }, value)];
    replace(
      this.facts,
      ...row('Status', humanize(s.status), 'focused-status-text'),
      ...row('Risk', `${s.riskScore} (${level})`, 'focused-risk'),
      ...row('Progress', progressText(s, clock.now()), 'focused-progress'),
      ...row('Deadline', formatTime(s.deadline), 'focused-deadline'),
      ...row('Last seen', relativeTime(s.lastSeenAt, clock.now()), 'focused-last-seen'),
      ...row('Reviewed', s.review ? `${formatDateTime(s.review.reviewedAt)}: ${s.review.note}` : 'Not yet', 'focused-review'),
    );
    this.dialog.querySelector('[data-testid="focused-deadline"]')?.setAttribute('data-deadline', s.deadline);
    for (const b of [this.warnBtn, this.extendBtn, this.terminateBtn]) b.disabled = !running;
    if (!running && this.warned) {
      // "Warning sent…" no longer describes anything once the student submitted.
      this.status.clear();
      this.warned = false;
    }
    this.renderFrame();
  }

  renderAlerts(): void {
    const alerts = this.host.openAlerts(this.sessionId);
    if (alerts.length === 0) {
      replace(this.alerts, h('li', { class: 'empty', testid: 'focused-no-alerts' }, 'No open alerts for this student.'));
      return;
    }
    replace(
      this.alerts,
      ...alerts.map((a) => {
        const ack: HTMLButtonElement = h('button', { type: 'button', class: 'btn btn-small btn-primary', testid: 'focused-ack', on: { click: () => void this.host.acknowledge(a.alertId, ack) } }, 'Acknowledge');
        return h(
          'li',
          { class: 'alert-item', testid: 'focused-alert', 'data-alert-id': a.alertId, 'data-severity': a.severity },
          h('div', { class: 'alert-head' }, badge(a.severity, `severity-${a.severity}`), h('strong', null, humanize(a.type)), h('span', { class: 'muted' }, ` · ${formatTime(a.occurredAt)}`)),
          h('p', { class: 'alert-reason' }, a.reason),
          h('div', { class: 'actions' }, ack),
        );
      }),
    );
  }

  private renderFrame(): void {
    const s = this.host.session(this.sessionId);
    if (!s) return;
    const frame = this.host.frames.get(this.sessionId);
    const state = cameraState(s, frame.capturedAt, clock.now(), frame.loaded);
    setText(this.camera, cameraLabel(state, frame.capturedAt, clock.now()));
    this.camera.dataset.state = state;
    if (frame.url && state !== 'ended') {
      if (this.image.src !== frame.url) this.image.src = frame.url;
      this.image.alt = `Latest camera frame of ${s.studentName}`;
      this.image.dataset.capturedAt = frame.capturedAt ?? '';
      this.image.hidden = false;
    } else {
      this.image.hidden = true;
    }
  }

  private async loadTimeline(): Promise<void> {
    try {
      const anomalies = await listAnomalies(this.sessionId);
      anomalies.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
      if (anomalies.length === 0) {
        replace(this.timeline, h('li', { class: 'muted' }, 'No anomalies recorded for this session.'));
        return;
      }
      const items = await Promise.all(
        anomalies.map(async (a) => {
          const url = await this.host.loadEvidence(a);
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
      replace(this.timeline, ...items);
    } catch (error) {
      replace(this.timeline, h('li', { class: 'field-error', role: 'alert' }, errorMessage(error)));
    }
  }

  private name(): string {
    return this.host.session(this.sessionId)?.studentName ?? 'the student';
  }

  private async warn(btn: HTMLButtonElement): Promise<void> {
    const message = await promptDialog({
      title: `Warn ${this.name()}`,
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
        await warnStudent(this.sessionId, message);
        this.status.show('success', `Warning sent to ${this.name()}.`);
        this.warned = true;
      } catch (error) {
        this.status.error(error);
      }
    });
    btn.focus();
  }

  private async extend(btn: HTMLButtonElement): Promise<void> {
    const text = await promptDialog({
      title: `Extend ${this.name()}’s time`,
      message: 'The student’s timer moves at once; the server enforces the new deadline.',
      label: 'Extra minutes (1–240)',
      required: true,
      maxLength: 3,
      confirmLabel: 'Extend',
      testid: 'extend-dialog',
      inputTestid: 'extend-minutes',
      confirmTestid: 'confirm-extend',
    });
    if (!text) return;
    const minutes = Number(text);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) {
      this.status.show('error', 'Extra minutes must be a whole number from 1 to 240.');
      btn.focus();
      return;
    }
    await busy(btn, async () => {
      try {
        const session = await extendSession(this.sessionId, minutes);
        this.status.show('success', `${this.name()} has ${minutes} more ${minutes === 1 ? 'minute' : 'minutes'}: new deadline ${formatTime(session.deadline)}.`);
      } catch (error) {
        this.status.error(error);
      }
    });
    btn.focus();
  }

  private async review(btn: HTMLButtonElement): Promise<void> {
    const note = await promptDialog({
      title: `Mark ${this.name()} reviewed`,
      message: 'The note is kept with the session for the other proctors and the exam’s teacher.',
      label: 'Review note',
      multiline: true,
      required: true,
      maxLength: 1000,
      initial: this.host.session(this.sessionId)?.review?.note ?? '',
      confirmLabel: 'Mark reviewed',
      testid: 'review-dialog',
      inputTestid: 'review-note',
      confirmTestid: 'confirm-review',
    });
    if (!note) return;
    await busy(btn, async () => {
      try {
        await reviewSession(this.sessionId, note);
        this.status.show('success', `${this.name()} marked reviewed.`);
      } catch (error) {
        this.status.error(error);
      }
    });
    btn.focus();
  }

  private async terminate(btn: HTMLButtonElement): Promise<void> {
    const reason = await promptDialog({
      title: `End ${this.name()}’s exam?`,
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
        await terminateSession(this.sessionId, reason);
        this.host.markTerminated(this.sessionId);
        this.status.show('success', `${this.name()}’s exam was terminated.`);
      } catch (error) {
        this.status.error(error);
      }
    });
  }
}
