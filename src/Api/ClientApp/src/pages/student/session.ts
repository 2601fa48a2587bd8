// Student: the exam page. Start or resume the session, camera consent and preview, full screen, one
// question at a time with autosave, a countdown on server time, browser signals and webcam frames for
// proctoring, live warnings/termination/deadline changes over /hubs/student, and submission.

import type { HubConnection } from '@microsoft/signalr';
import { ApiError } from '../../api/client';
import { getExam, getSession, saveAnswer, sendFrame, sendSignal, startSession, submitSession } from '../../api/endpoints';
import type { AnswerValue, DeadlineMessage, Session, SessionStatus, SignalType, StudentQuestion, TerminatedMessage, WarningMessage } from '../../api/types';
import { AutosaveQueue, isAnswered, isChoiceType, optionsOf, selectOption, type SaveState } from '../../lib/answers';
import { Camera, FRAME_INTERVAL_MS, type CameraState } from '../../lib/camera';
import { QuestionFlags, questionMark, questionMarkLabel, questionSummary } from '../../lib/flags';
import { countdownLevel, describeCountdown, formatCountdown, remainingMs } from '../../lib/countdown';
import { h, replace, setText, uid } from '../../lib/dom';
import { formatDateTime, formatTime } from '../../lib/format';
import { buildHub, hubErrorMessage, startHubWithRetry, stopHub } from '../../lib/hub';
import type { PageContext } from '../../lib/router';
import { applyPresence, initialPresence, type PresenceState } from '../../lib/presence';
import { connectionLabel, type ConnectionState } from '../../lib/reconnect';
import { KeyedSequences, SequenceGenerator, SerialQueue } from '../../lib/sequence';
import { clock } from '../../lib/services';
import { StatusLine, confirmDialog, errorMessage, loading, notice, pageHeader } from '../../ui/components';

const SAVE_LABELS: Record<SaveState, string> = {
  idle: 'No changes yet',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'All answers saved',
  error: 'Not saved — retrying…',
};

export async function examSessionPage(ctx: PageContext): Promise<void> {
  const bookingId = ctx.params.bookingId ?? '';
  const root = ctx.root;
  root.append(loading('Opening your exam…'));

  let session: Session;
  try {
    session = await startSession(bookingId);
  } catch (error) {
    if (error instanceof ApiError && error.sessionExpired) return;
    replace(
      root,
      pageHeader('The exam cannot be opened'),
      notice('error', errorMessage(error), 'session-error'),
      h('p', null, h('a', { href: '/bookings', testid: 'back-to-bookings' }, 'Back to my bookings')),
    );
    return;
  }
  // Whether the exam needs the camera (its policy; students see only this, never the thresholds). When it cannot
  // be read the camera is treated as required: the stricter reading never lets an exam start unwatched.
  let webcamRequired = true;
  try {
    webcamRequired = (await getExam(session.examId)).monitoring?.webcamRequired ?? true;
  } catch (error) {
    if (error instanceof ApiError && error.sessionExpired) return;
  }
  if (ctx.signal.aborted) return;
  new ExamPage(ctx, session, webcamRequired).mount();
}

class ExamPage {
  private readonly questions: StudentQuestion[];
  private readonly answers = new Map<string, AnswerValue>();
  private readonly flags: QuestionFlags;
  private current = 0;
  private deadline: string;
  private ended = false;
  private started = false;

  // Infrastructure
  private readonly status = new StatusLine('exam-message');
  private readonly camera: Camera;
  private readonly autosave: AutosaveQueue;
  private readonly answerSeqs = new KeyedSequences(() => clock.now());
  private readonly signalSeq = new SequenceGenerator(() => clock.now());
  private readonly signalQueue = new SerialQueue();
  private hub: HubConnection | null = null;
  private presence: PresenceState | null = null;
  private signalsAbort: AbortController | null = null;
  private frameTimer: ReturnType<typeof setInterval> | undefined;
  private frameInFlight = false;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private announced = new Set<string>();
  private endedShown: SessionStatus | null = null;
  private terminationReason: string | undefined;

  // Elements
  private readonly title: HTMLElement;
  private readonly deadlineText = h('p', { class: 'meta', testid: 'deadline' });
  private readonly countdown = h('span', { class: 'countdown', role: 'timer', testid: 'countdown', 'aria-live': 'off' });
  private readonly countdownAnnouncer = h('span', { class: 'visually-hidden', 'aria-live': 'polite', testid: 'countdown-announcer' });
  private readonly saveState = h('span', { class: 'save-state', testid: 'save-state', role: 'status', 'aria-live': 'polite' }, SAVE_LABELS.idle);
  private readonly cameraStatus = h('span', { class: 'camera-status', testid: 'camera-status', role: 'status', 'aria-live': 'polite' }, 'Camera off');
  private readonly connection = h('span', { class: 'connection', testid: 'connection-status', 'aria-live': 'polite' });
  private readonly warnings = h('div', { class: 'warnings', testid: 'warnings' });
  private readonly tabNotice = h('div', { class: 'tab-notice', testid: 'tab-leave-area' });
  private readonly summary = h('p', { class: 'meta question-summary', testid: 'question-summary', 'aria-live': 'polite' });
  private readonly preview: HTMLVideoElement;
  private readonly body = h('div', { class: 'exam-body' });
  private readonly fullscreenButton: HTMLButtonElement;
  private readonly cameraButton: HTMLButtonElement;
  private navList: HTMLElement | null = null;
  private setupRefresh: (() => void) | null = null;
  private bar: HTMLElement | null = null;
  private questionPanel: HTMLElement | null = null;

  constructor(
    private readonly ctx: PageContext,
    private session: Session,
    private readonly webcamRequired: boolean,
  ) {
    this.questions = session.questions ?? [];
    this.flags = new QuestionFlags(session.id);
    this.deadline = session.deadline;
    for (const a of session.answers ?? []) this.answers.set(a.questionId, a.answer);
    if (this.answers.size > 0) {
      setText(this.saveState, SAVE_LABELS.saved);
      this.saveState.dataset.state = 'saved';
    }
    this.title = h('h1', { tabindex: '-1', testid: 'exam-title' }, session.examTitle);
    this.preview = h('video', { class: 'camera-preview', testid: 'camera-preview', 'aria-label': 'Your camera preview', props: { muted: true, autoplay: true, playsInline: true } });
    this.camera = new Camera((state) => this.onCameraState(state));
    this.camera.onEnded(() => this.signal('webcam_stopped'));
    this.autosave = new AutosaveQueue({
      send: (questionId, answer, seq) => saveAnswer(this.session.id, questionId, answer, seq),
      nextSeq: (questionId) => this.answerSeqs.next(questionId),
      onState: (questionId) => this.onSaveState(questionId),
      onClosed: () => void this.checkEnded(),
    });
    this.fullscreenButton = h('button', { type: 'button', class: 'btn btn-secondary btn-small', testid: 'fullscreen-button', hidden: true, on: { click: () => void this.enterFullscreen() } }, 'Return to full screen');
    this.cameraButton = h('button', { type: 'button', class: 'btn btn-secondary btn-small', testid: 'restart-camera', hidden: true, on: { click: () => void this.startCamera() } }, 'Turn camera on');
    ctx.onCleanup(() => this.teardown());
  }

  mount(): void {
    const bar = (this.bar = h(
      'div',
      { class: 'exam-bar', testid: 'exam-bar' },
      h('div', { class: 'exam-bar-item' }, h('span', { class: 'bar-label' }, 'Time left'), ' ', this.countdown, this.countdownAnnouncer),
      h('div', { class: 'exam-bar-item' }, this.saveState),
      h('div', { class: 'exam-bar-item camera-box' }, this.preview, this.cameraStatus, this.cameraButton),
      h('div', { class: 'exam-bar-item' }, this.fullscreenButton, this.connection),
    ));
    setText(this.deadlineText, `Deadline ${formatDateTime(this.deadline)}`);
    this.deadlineText.dataset.deadline = new Date(this.deadline).toISOString();
    replace(this.ctx.root, h('header', { class: 'page-header exam-header' }, this.title, this.deadlineText), bar, this.warnings, this.tabNotice, this.status.el, this.body);
    this.onCameraState(this.camera.state);
    this.tick();
    this.tickTimer = setInterval(() => this.tick(), 500);
    if (this.session.status !== 'in_progress') {
      this.showEnded(this.session.status);
      return;
    }
    void this.connectHub();
    this.showSetup();
    window.addEventListener('beforeunload', this.beforeUnload, { signal: this.ctx.signal });
  }

  // ---- Setup: camera consent and full screen -------------------------------------------------------

  private showSetup(): void {
    const cameraError = h('p', { class: 'field-error', testid: 'camera-error', role: 'alert' });
    const enable = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'enable-camera' }, 'Turn on my camera');
    const begin = h('button', { type: 'button', class: 'btn btn-primary', testid: 'begin-exam' }, this.answers.size > 0 ? 'Enter full screen and continue' : 'Enter full screen and begin');
    const required = h('p', { class: 'muted', testid: 'camera-required-note', 'data-required': String(this.webcamRequired) });
    const refresh = () => {
      const state = this.camera.state;
      const on = state === 'on';
      setText(cameraError, cameraProblem(state, this.camera.error));
      enable.hidden = on;
      enable.disabled = state === 'starting';
      // After a refusal or a missing camera the same button asks again (permission granted or camera plugged in meanwhile).
      setText(enable, state === 'denied' || state === 'unavailable' ? 'Try again' : 'Turn on my camera');
      // A camera-required exam cannot start without the camera: the proctor would only see "camera stopped".
      begin.disabled = this.webcamRequired && !on;
      setText(
        required,
        on
          ? 'Camera is on. You can begin.'
          : this.webcamRequired
            ? 'This exam requires your camera: you can begin once it is on.'
            : 'The camera is optional for this exam. You can begin without it; browser activity is still recorded.',
      );
    };
    this.setupRefresh = refresh;
    enable.addEventListener('click', () => void this.startCamera().then(refresh));
    begin.addEventListener('click', () => {
      if (this.webcamRequired && this.camera.state !== 'on') return;
      void this.enterFullscreen();
      this.beginExam();
    });
    const previewSlot = h('div', { class: 'setup-preview' });
    previewSlot.append(this.preview);
    refresh();
    replace(
      this.body,
      h(
        'section',
        { class: 'card setup', testid: 'exam-setup', 'aria-labelledby': 'setup-title' },
        h('h2', { id: 'setup-title' }, 'Before you begin'),
        h('p', null, `${this.questions.length} questions. Your answers are saved automatically as you go. The exam ends at ${formatTime(this.deadline)} (server time) and is submitted automatically then.`),
        h('h3', null, this.webcamRequired ? 'Why we ask for your camera' : 'Your camera (optional)'),
        h(
          'ul',
          null,
          h('li', null, `${this.webcamRequired ? 'This is a proctored exam' : 'If you turn it on'}: every 2 seconds a small still image (320×240) from your camera is sent to the exam server to check that you are present, alone and facing the screen.`),
          h('li', null, 'Only video is used — never your microphone. Images are analysed and discarded; a frame is kept only as evidence when something unusual is detected, and only your proctor and teacher can see it.'),
          h('li', null, 'Leaving full screen, switching tabs or windows, copying and pasting are reported to your proctor.'),
        ),
        previewSlot,
        h('div', { class: 'actions' }, enable, begin),
        required,
        cameraError,
      ),
    );
  }

  private async startCamera(): Promise<void> {
    await this.camera.start();
    if (this.camera.state === 'on' && this.camera.mediaStream) {
      this.preview.srcObject = this.camera.mediaStream;
      void this.preview.play().catch(() => undefined);
      this.startFrames();
    }
  }

  private async enterFullscreen(): Promise<void> {
    try {
      if (!document.fullscreenElement && document.documentElement.requestFullscreen) await document.documentElement.requestFullscreen();
    } catch {
      this.status.show('warning', 'Full screen was not allowed by the browser. Please keep this window focused.');
    }
    this.updateFullscreenButton();
  }

  private updateFullscreenButton(): void {
    this.fullscreenButton.hidden = !this.started || !!document.fullscreenElement || !this.presence?.fullscreenExpected || this.ended;
  }

  // ---- The exam ------------------------------------------------------------------------------------

  private beginExam(): void {
    if (this.ended || this.started) return;
    this.started = true;
    // The preview moves to the bar and stays visible while answering.
    this.ctx.root.querySelector('.camera-box')?.prepend(this.preview);
    this.startSignals();
    this.navList = h('ol', { class: 'question-nav', testid: 'question-nav' });
    this.questionPanel = h('section', { class: 'question-panel card', testid: 'question-panel', 'aria-live': 'off' });
    const submit = h('button', { type: 'button', class: 'btn btn-primary', testid: 'submit-exam', on: { click: () => void this.confirmSubmit() } }, 'Submit exam');
    replace(
      this.body,
      h(
        'div',
        { class: 'exam-layout' },
        h('nav', { class: 'question-list', 'aria-label': 'Questions' }, h('h2', { class: 'small-heading' }, 'Questions'), this.summary, this.navList, h('div', { class: 'submit-box' }, submit)),
        this.questionPanel,
      ),
    );
    this.renderNav();
    this.renderQuestion(false);
    this.onCameraState(this.camera.state);
    this.updateFullscreenButton();
    (this.questionPanel.querySelector('h2') as HTMLElement | null)?.focus();
  }

  private renderNav(): void {
    if (!this.navList) return;
    const answeredCount = this.questions.filter((q) => isAnswered(this.answers.get(q.id))).length;
    setText(this.summary, questionSummary(this.questions.length, answeredCount, this.questions.filter((q) => this.flags.has(q.id)).length));
    replace(
      this.navList,
      ...this.questions.map((q, i) => {
        const answered = isAnswered(this.answers.get(q.id));
        const flagged = this.flags.has(q.id);
        const mark = questionMark(answered, flagged);
        return h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              class: `qnav${answered ? ' answered' : ''}${flagged ? ' flagged' : ''}${i === this.current ? ' current' : ''}`,
              testid: 'question-nav-item',
              'data-answered': answered ? 'true' : 'false',
              'data-flagged': flagged ? 'true' : 'false',
              'data-mark': mark,
              'aria-current': i === this.current ? 'step' : undefined,
              on: { click: () => this.goTo(i) },
            },
            h('span', { class: 'qnav-number' }, String(i + 1)),
            h('span', { class: 'qnav-mark', 'aria-hidden': 'true' }, flagged ? '⚑' : answered ? '✓' : ''),
            h('span', { class: 'visually-hidden' }, questionMarkLabel(answered, flagged)),
          ),
        );
      }),
    );
  }

  private toggleFlag(questionId: string, button: HTMLButtonElement): void {
    const flagged = this.flags.toggle(questionId);
    button.setAttribute('aria-pressed', String(flagged));
    setText(button, flagged ? '⚑ Flagged for review' : '⚐ Flag for review');
    this.renderNav();
  }

  private goTo(index: number): void {
    if (index < 0 || index >= this.questions.length) return;
    this.current = index;
    this.renderNav();
    this.renderQuestion(true);
  }

  private renderQuestion(focus: boolean): void {
    const panel = this.questionPanel;
    const question = this.questions[this.current];
    if (!panel || !question) return;
    const textId = uid('qtext');
    const heading = h('h2', { tabindex: '-1', testid: 'question-number' }, `Question ${this.current + 1} of ${this.questions.length}`);
    const points = h('p', { class: 'meta' }, `${question.points} ${question.points === 1 ? 'point' : 'points'}`);
    const text = h('p', { class: 'question-text', id: textId, testid: 'question-text' }, question.text);
    const value = this.answers.get(question.id);
    let answerControl: HTMLElement;

    if (isChoiceType(question.type)) {
      const multiple = question.type === 'multiple_choice';
      const name = `answer-${question.id}`;
      const legend = multiple ? 'Choose all that apply' : question.type === 'true_false' ? 'True or false?' : 'Choose one answer';
      answerControl = h(
        'fieldset',
        { class: 'options', 'aria-describedby': textId, testid: 'answer-options' },
        h('legend', null, legend),
        ...optionsOf(question).map((option, index) => {
          const id = uid('opt');
          const checked = Array.isArray(value) && value.includes(index);
          const inputEl = h('input', {
            type: multiple ? 'checkbox' : 'radio',
            name,
            id,
            value: String(index),
            testid: 'answer-option',
            'data-index': String(index),
            props: { checked },
            on: {
              change: (event) => {
                const target = event.currentTarget as HTMLInputElement;
                this.setAnswer(question.id, selectOption(this.answers.get(question.id), index, multiple, target.checked), true);
              },
            },
          });
          return h('div', { class: 'option' }, inputEl, h('label', { for: id, testid: 'answer-option-label' }, question.type === 'true_false' ? capitalise(option) : option));
        }),
      );
    } else {
      const id = uid('ans');
      const essay = question.type === 'essay';
      const control = essay
        ? h('textarea', { id, rows: 10, testid: 'answer-essay', 'aria-describedby': textId, spellcheck: 'true' })
        : h('input', { id, type: 'text', testid: 'answer-text', 'aria-describedby': textId, autocomplete: 'off', spellcheck: 'false' });
      control.value = typeof value === 'string' ? value : '';
      control.addEventListener('input', () => this.setAnswer(question.id, control.value, false));
      control.addEventListener('blur', () => void this.autosave.flush());
      answerControl = h('div', { class: 'field' }, h('label', { for: id }, essay ? 'Your answer' : 'Your answer (a short text)'), control);
    }

    const prev = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'prev-question', disabled: this.current === 0, on: { click: () => this.goTo(this.current - 1) } }, '← Previous');
    const next = h('button', { type: 'button', class: 'btn btn-secondary', testid: 'next-question', disabled: this.current === this.questions.length - 1, on: { click: () => this.goTo(this.current + 1) } }, 'Next →');
    const flagged = this.flags.has(question.id);
    const flag: HTMLButtonElement = h(
      'button',
      { type: 'button', class: 'btn btn-secondary btn-small flag-button', testid: 'flag-question', 'aria-pressed': String(flagged), on: { click: () => this.toggleFlag(question.id, flag) } },
      flagged ? '⚑ Flagged for review' : '⚐ Flag for review',
    );
    replace(panel, heading, points, text, answerControl, h('div', { class: 'actions question-actions' }, prev, next, flag));
    panel.setAttribute('data-question-id', question.id);
    panel.setAttribute('data-question-type', question.type);
    if (focus) heading.focus();
  }

  private setAnswer(questionId: string, value: AnswerValue, immediately: boolean): void {
    if (this.ended) return;
    const wasAnswered = isAnswered(this.answers.get(questionId));
    this.answers.set(questionId, value);
    this.autosave.change(questionId, value, immediately);
    if (wasAnswered !== isAnswered(value)) this.renderNav();
  }

  private onSaveState(_questionId: string): void {
    const overall = this.autosave.overall;
    setText(this.saveState, SAVE_LABELS[overall]);
    this.saveState.dataset.state = overall;
  }

  private readonly beforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.ended && !this.autosave.allSaved) {
      event.preventDefault();
    }
  };

  // ---- Countdown and the deadline ---------------------------------------------------------------------

  private tick(): void {
    const left = remainingMs(this.deadline, clock.now());
    setText(this.countdown, formatCountdown(left));
    this.countdown.setAttribute('aria-label', describeCountdown(left));
    this.countdown.dataset.level = countdownLevel(left);
    for (const [mark, label] of [
      [5 * 60_000, '5 minutes left.'],
      [60_000, '1 minute left.'],
    ] as const) {
      if (left <= mark && left > 0 && !this.announced.has(label)) {
        this.announced.add(label);
        if (left > mark - 5000) setText(this.countdownAnnouncer, label);
      }
    }
    if (left === 0 && !this.ended && this.session.status === 'in_progress') void this.autoSubmit();
  }

  private async autoSubmit(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.stopMonitoring();
    this.status.show('info', 'Time is up — submitting…');
    try {
      await this.autosave.flush();
      await submitSession(this.session.id);
    } catch {
      // The server submits at the deadline by itself; the session's state below says what happened.
    }
    await this.refreshEnded('expired');
  }

  /** After a 409 or a reconnection: if the session ended, show it. */
  private async checkEnded(): Promise<void> {
    try {
      const latest = await getSession(this.session.id);
      this.session = latest;
      if (latest.deadline !== this.deadline) this.updateDeadline(latest.deadline);
      if (latest.status !== 'in_progress') {
        this.ended = true;
        this.showEnded(latest.status);
      }
    } catch {
      // Keep going; the next save or tick will tell.
    }
  }

  private async refreshEnded(fallback: SessionStatus): Promise<void> {
    try {
      this.session = await getSession(this.session.id);
    } catch {
      // show what we know
    }
    this.showEnded(this.session.status === 'in_progress' ? fallback : this.session.status);
  }

  private updateDeadline(deadline: string): void {
    const moved = this.deadline !== deadline;
    this.deadline = deadline;
    setText(this.deadlineText, `Deadline ${formatDateTime(deadline)}`);
    this.deadlineText.dataset.deadline = new Date(deadline).toISOString();
    if (moved) this.status.show('info', `Your deadline changed: the exam now ends at ${formatTime(deadline)}.`);
    this.tick();
  }

  // ---- Submission ------------------------------------------------------------------------------------

  private async confirmSubmit(): Promise<void> {
    const unanswered = this.questions.filter((q) => !isAnswered(this.answers.get(q.id))).length;
    const flaggedCount = this.questions.filter((q) => this.flags.has(q.id)).length;
    const ok = await confirmDialog({
      title: 'Submit your exam?',
      message: h(
        'div',
        null,
        h('p', null, `You answered ${this.questions.length - unanswered} of ${this.questions.length} questions.`),
        unanswered > 0 ? h('p', { class: 'warning-text' }, `${unanswered} ${unanswered === 1 ? 'question is' : 'questions are'} unanswered.`) : null,
        flaggedCount > 0 ? h('p', { class: 'warning-text', testid: 'submit-flagged' }, `${flaggedCount} ${flaggedCount === 1 ? 'question is' : 'questions are'} flagged for review.`) : null,
        h('p', null, 'After submitting you cannot change your answers.'),
      ),
      confirmLabel: 'Submit now',
      cancelLabel: 'Keep working',
      testid: 'submit-dialog',
      confirmTestid: 'confirm-submit',
      cancelTestid: 'cancel-submit',
    });
    if (!ok || this.ended) return;
    this.status.show('info', 'Submitting…');
    try {
      await this.autosave.flush();
      await submitSession(this.session.id);
      this.ended = true;
      await this.refreshEnded('submitted');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await this.checkEnded();
        if (!this.ended) this.status.error(error);
      } else {
        this.status.error(error);
      }
    }
  }

  private showEnded(status: SessionStatus, reason?: string): void {
    this.ended = true;
    if (reason) this.terminationReason = reason;
    reason = this.terminationReason;
    // Shown once per status (a late 409 or reconnection must not replace the message that had the reason).
    if (this.endedShown === status && !(status === 'terminated' && reason)) return;
    this.endedShown = status;
    this.stopMonitoring();
    this.autosave.close();
    void this.exitFullscreen();
    if (this.bar) this.bar.hidden = true;
    this.status.clear();
    const messages: Record<SessionStatus, string> = {
      submitted: 'Your exam has been submitted. Thank you!',
      expired: 'Time is up. Your answers were submitted automatically.',
      terminated: 'Your exam was ended by a proctor. Your answers so far were submitted.',
      in_progress: 'This exam is still in progress.',
    };
    replace(
      this.body,
      h(
        'section',
        { class: `card ended ended-${status}`, testid: 'exam-ended', 'data-status': status, role: 'status' },
        h('h2', { tabindex: '-1' }, status === 'terminated' ? 'Exam ended by the proctor' : 'Exam finished'),
        h('p', null, messages[status]),
        status === 'terminated'
          ? h('p', { class: 'terminated-reason', testid: 'terminated-message' }, reason ? `Reason: ${reason}` : 'No reason was given on this page (it is shown when the proctor ends the exam while you are connected).')
          : null,
        h('p', null, 'Results appear under ', h('a', { href: '/results', testid: 'go-results' }, 'My results'), ' once your teacher publishes them.'),
      ),
    );
    (this.body.querySelector('h2') as HTMLElement | null)?.focus();
  }

  // ---- Live messages ---------------------------------------------------------------------------------

  private async connectHub(): Promise<void> {
    const setState = (state: ConnectionState) => {
      if (this.ended || this.hub !== hub) return;
      setText(this.connection, state === 'connected' ? '' : connectionLabel(state));
      this.connection.dataset.state = state;
    };
    const hub = buildHub('/hubs/student', {
      onState: setState,
      onReconnected: () => {
        // A new connection is in no group: join the session again, then catch up on what was missed.
        void this.joinSession(hub).then(() => this.checkEnded());
      },
    });
    this.hub = hub;
    hub.on('warning', (message: WarningMessage) => this.showWarning(message));
    // The server has already submitted the session: answers are no longer accepted.
    hub.on('terminated', (message: TerminatedMessage) => this.showEnded('terminated', message.reason));
    hub.on('deadlineChanged', (message: DeadlineMessage) => this.updateDeadline(message.deadline));
    let retried = false;
    const connected = await startHubWithRetry(hub, setState, {
      signal: this.ctx.signal,
      active: () => !this.ended && this.hub === hub,
      onRetry: (_failed, delayMs) => {
        if (this.ended || this.hub !== hub) return;
        retried = true;
        setText(this.connection, `Live messages unavailable — retrying in ${Math.round(delayMs / 1000)} s…`);
        this.connection.dataset.state = 'disconnected';
      },
    });
    if (!connected || this.ended || this.hub !== hub) return;
    await this.joinSession(hub);
    // Warnings or a termination sent while the first connection was failing are not replayed.
    if (retried) await this.checkEnded();
  }

  /** JoinSession (after the first connection and after every reconnection): live messages, the current deadline. */
  private async joinSession(hub: HubConnection): Promise<void> {
    if (this.ended || this.hub !== hub) return;
    try {
      const latest = (await hub.invoke('JoinSession', this.session.id)) as Session;
      if (latest.deadline !== this.deadline) this.updateDeadline(latest.deadline);
    } catch (error) {
      if (this.ended || this.hub !== hub) return;
      this.status.show('warning', `Live messages from your proctor are unavailable: ${hubErrorMessage(error)}`);
    }
  }

  private showWarning(message: WarningMessage): void {
    const banner = h(
      'div',
      { class: 'warning-banner', role: 'alert', 'aria-live': 'assertive', testid: 'warning-banner' },
      h('div', null, h('strong', null, 'Warning from your proctor'), h('span', { class: 'muted' }, ` · ${formatTime(message.at)}`), h('p', { testid: 'warning-message' }, message.message)),
    );
    const dismiss = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'dismiss-warning', on: { click: () => {
      banner.remove();
      (this.questionPanel?.querySelector('h2') as HTMLElement | null)?.focus();
    } } }, 'Dismiss');
    banner.append(dismiss);
    this.warnings.prepend(banner);
  }

  // ---- Proctoring signals and frames -------------------------------------------------------------------

  private startSignals(): void {
    if (this.signalsAbort) return;
    const controller = new AbortController();
    this.signalsAbort = controller;
    const options = { signal: controller.signal };
    this.presence = initialPresence(document.visibilityState === 'visible', document.hasFocus(), !!document.fullscreenElement);
    const apply = (change: Parameters<typeof applyPresence>[1]) => {
      if (!this.presence || this.ended) return;
      const result = applyPresence(this.presence, change);
      this.presence = result.state;
      for (const type of result.emit) this.signal(type);
      if (result.emit.includes('tab_hidden')) this.showTabLeaveNotice();
      this.updateFullscreenButton();
    };
    document.addEventListener('visibilitychange', () => apply({ kind: 'visibility', visible: document.visibilityState === 'visible' }), options);
    window.addEventListener('blur', () => apply({ kind: 'focus', focused: false }), options);
    window.addEventListener('focus', () => apply({ kind: 'focus', focused: true }), options);
    document.addEventListener('fullscreenchange', () => apply({ kind: 'fullscreen', fullscreen: !!document.fullscreenElement }), options);
    document.addEventListener('copy', () => this.signal('copy'), options);
    document.addEventListener('paste', () => this.signal('paste'), options);
    // The first fullscreenchange may already have happened before listeners were attached.
    if (document.fullscreenElement) apply({ kind: 'fullscreen', fullscreen: true });
  }

  /** Non-blocking: the student sees on return what the proctor was told, and can dismiss it. */
  private showTabLeaveNotice(): void {
    const at = formatTime(new Date(clock.now()).toISOString());
    const dismiss = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'dismiss-tab-notice', on: { click: () => this.tabNotice.replaceChildren() } }, 'Dismiss');
    replace(
      this.tabNotice,
      h(
        'div',
        { class: 'notice notice-warning tab-leave-notice', role: 'status', testid: 'tab-leave-notice' },
        h('p', null, `You left the exam tab at ${at}. This was recorded and your proctor can see it. Please stay on this tab until you submit.`),
        dismiss,
      ),
    );
  }

  private signal(type: SignalType): void {
    if (this.ended && type !== 'webcam_stopped') return;
    const occurredAt = new Date(clock.now()).toISOString();
    const seq = this.signalSeq.next();
    // In order, one at a time: the server drops a signal whose seq is below one it already stored.
    this.signalQueue.run(() => sendSignal(this.session.id, type, occurredAt, seq)).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 409) void this.checkEnded();
    });
  }

  private startFrames(): void {
    if (this.frameTimer) return;
    this.frameTimer = setInterval(() => void this.sendFrame(), FRAME_INTERVAL_MS);
  }

  private async sendFrame(): Promise<void> {
    if (this.frameInFlight || this.ended || this.camera.state !== 'on') return;
    this.frameInFlight = true;
    try {
      const jpeg = await this.camera.capture(this.preview);
      if (!jpeg || this.ended) return;
      const result = await sendFrame(this.session.id, jpeg);
      const faceCheck = result?.checks?.face;
      // An unchanged frame was not analysed (near-identical to the last one that was): the words of that analysis stay.
      if (faceCheck !== 'unchanged') {
        let text = 'Camera on';
        if (faceCheck === 'ok') {
          const faces = result.faces.length;
          text = faces === 1 ? 'Camera on · face visible' : faces === 0 ? 'Camera on · no face detected' : `Camera on · ${faces} faces detected`;
        }
        this.setCameraText(text, faceCheck === 'ok' && result.faces.length !== 1 ? 'attention' : 'ok');
      }
      // The server accepted the frame: say which face check ran on it (ok / unavailable / skipped).
      this.cameraStatus.dataset.frameCheck = faceCheck ?? 'none';
      this.cameraStatus.dataset.framesSent = String(Number(this.cameraStatus.dataset.framesSent ?? '0') + 1);
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.status === 429) return; // too soon after the previous frame: skip this one
        if (error.status === 409) {
          void this.checkEnded();
          return;
        }
      }
      this.setCameraText('Camera on · frame not sent', 'attention');
    } finally {
      this.frameInFlight = false;
    }
  }

  private onCameraState(state: CameraState): void {
    const labels: Record<CameraState, string> = {
      off: 'Camera off',
      starting: 'Starting camera…',
      on: 'Camera on',
      stopped: 'Camera stopped',
      denied: 'Camera blocked',
      unavailable: 'No camera',
    };
    this.setCameraText(labels[state], state === 'on' || state === 'starting' ? 'ok' : 'off');
    this.cameraButton.hidden = !this.started || state === 'on' || state === 'starting' || this.ended;
    this.preview.hidden = state !== 'on';
    if (!this.started) this.setupRefresh?.();
  }

  private setCameraText(text: string, level: 'ok' | 'attention' | 'off'): void {
    setText(this.cameraStatus, text);
    this.cameraStatus.dataset.level = level;
  }

  private stopMonitoring(): void {
    this.signalsAbort?.abort();
    this.signalsAbort = null;
    if (this.frameTimer) clearInterval(this.frameTimer);
    this.frameTimer = undefined;
    this.camera.stop();
    this.preview.srcObject = null;
    if (this.hub) stopHub(this.hub);
    this.hub = null;
    setText(this.connection, '');
  }

  private async exitFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
    } catch {
      // not in full screen
    }
  }

  private teardown(): void {
    this.stopMonitoring();
    // Leaving the page: send what is pending, then stop.
    void this.autosave.flush().finally(() => this.autosave.close());
    if (this.tickTimer) clearInterval(this.tickTimer);
    void this.exitFullscreen();
  }
}

/** The setup's message for a camera that is not on: what went wrong and what to do, for a refusal or a missing camera. */
function cameraProblem(state: CameraState, error: string): string {
  if (state === 'denied') return error; // it already says how to allow the camera and to try again
  if (state === 'unavailable') return `${error} Connect a camera (or close other apps using it), then select “Try again”.`;
  return error;
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
