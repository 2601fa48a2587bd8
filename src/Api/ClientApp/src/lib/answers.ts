// The student's answers and their autosave. Pure logic: the network call and timers are injected so
// the behaviour (debounce, one request in flight per question, increasing seq, retry) is unit-tested.

import type { AnswerValue, QuestionType } from '../api/types';

/** Whether a value counts as answered (a chosen option, or non-blank text). */
export function isAnswered(value: AnswerValue | undefined | null): boolean {
  if (value === undefined || value === null) return false;
  return Array.isArray(value) ? value.length > 0 : value.trim().length > 0;
}

/** Whether a question type answers with option indexes (true/false included). */
export function isChoiceType(type: QuestionType): boolean {
  return type === 'single_choice' || type === 'multiple_choice' || type === 'true_false';
}

/** The options a student chooses from: true/false questions have the implicit ["true","false"]. */
export function optionsOf(question: { type: QuestionType; options: string[] | null }): string[] {
  if (question.type === 'true_false') return question.options && question.options.length === 2 ? question.options : ['true', 'false'];
  return question.options ?? [];
}

/** The new selection after the student (un)checks `index`: one index for single choice, a sorted set otherwise. */
export function selectOption(current: AnswerValue | undefined, index: number, multiple: boolean, checked: boolean): number[] {
  if (!multiple) return checked ? [index] : [];
  const set = new Set(Array.isArray(current) ? current : []);
  if (checked) set.add(index);
  else set.delete(index);
  return [...set].sort((a, b) => a - b);
}

/** Answers as text for teachers and results: option indexes become their option texts. */
export function describeAnswer(value: AnswerValue | null | undefined, options: readonly string[] | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (!Array.isArray(value)) return value;
  return value.map((i) => options?.[i] ?? `option ${i + 1}`).join(', ');
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** The overall state shown to the student: error wins, then any pending/saving, then saved. */
export function overallState(states: Iterable<SaveState>): SaveState {
  let result: SaveState = 'idle';
  for (const state of states) {
    if (state === 'error') return 'error';
    if (state === 'pending' || state === 'saving') result = 'saving';
    else if (state === 'saved' && result === 'idle') result = 'saved';
  }
  return result;
}

/** An error from the save call; `status` is the HTTP status when there was a response. */
export interface SaveError {
  status?: number;
}

export interface AutosaveOptions {
  /** Sends one answer; rejects with a SaveError-like object on failure. */
  send: (questionId: string, answer: AnswerValue, seq: number) => Promise<void>;
  /** The next sequence number for a question. */
  nextSeq: (questionId: string) => number;
  /** Called whenever a question's state changes. */
  onState?: (questionId: string, state: SaveState) => void;
  /** A 409: the session no longer accepts answers (deadline passed, submitted, terminated). */
  onClosed?: () => void;
  debounceMs?: number;
  retryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface Entry {
  value: AnswerValue;
  /** The latest value has not been sent yet. */
  dirty: boolean;
  inFlight: boolean;
  timer: unknown;
  state: SaveState;
  failures: number;
}

/**
 * Debounced autosave: each change restarts a per-question timer; when it fires the latest value is sent
 * with a fresh, increasing seq. At most one request per question is in flight; a change made meanwhile is
 * sent when it returns. Failures are retried (a later edit also retries at once). A 401 is left to the
 * global session handling and a 409 closes the queue.
 */
export class AutosaveQueue {
  private readonly entries = new Map<string, Entry>();
  private closed = false;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: AutosaveOptions) {
    this.debounceMs = options.debounceMs ?? 600;
    this.retryMs = options.retryMs ?? 3000;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Records a change; it is saved after the debounce delay (or `immediately`). */
  change(questionId: string, value: AnswerValue, immediately = false): void {
    if (this.closed) return;
    const entry = this.entries.get(questionId) ?? { value, dirty: false, inFlight: false, timer: undefined, state: 'idle' as SaveState, failures: 0 };
    entry.value = value;
    entry.dirty = true;
    this.entries.set(questionId, entry);
    this.setState(questionId, entry, entry.inFlight ? 'saving' : 'pending');
    this.schedule(questionId, entry, immediately ? 0 : this.debounceMs);
  }

  /** Sends every pending change now (e.g. before submitting) and resolves when nothing is left in flight. */
  async flush(): Promise<void> {
    for (const [id, entry] of this.entries) {
      if (entry.dirty && !entry.inFlight) {
        this.cancelTimer(entry);
        void this.send(id, entry);
      }
    }
    // Wait for in-flight requests (and resends they trigger) to settle.
    for (let i = 0; i < 50 && [...this.entries.values()].some((e) => e.inFlight); i++) {
      await new Promise((resolve) => this.setTimer(() => resolve(undefined), 50));
    }
  }

  /** Whether every change has been saved. */
  get allSaved(): boolean {
    return [...this.entries.values()].every((e) => !e.dirty && !e.inFlight && e.state !== 'error');
  }

  stateOf(questionId: string): SaveState {
    return this.entries.get(questionId)?.state ?? 'idle';
  }

  get overall(): SaveState {
    return overallState([...this.entries.values()].map((e) => e.state));
  }

  /** Stops all timers and ignores further changes. */
  close(): void {
    this.closed = true;
    for (const entry of this.entries.values()) this.cancelTimer(entry);
  }

  private schedule(questionId: string, entry: Entry, delay: number): void {
    this.cancelTimer(entry);
    entry.timer = this.setTimer(() => {
      entry.timer = undefined;
      if (!entry.inFlight) void this.send(questionId, entry);
    }, delay);
  }

  private cancelTimer(entry: Entry): void {
    if (entry.timer !== undefined) {
      this.clearTimer(entry.timer);
      entry.timer = undefined;
    }
  }

  private async send(questionId: string, entry: Entry): Promise<void> {
    if (this.closed || !entry.dirty) return;
    const value = entry.value;
    const seq = this.options.nextSeq(questionId);
    entry.dirty = false;
    entry.inFlight = true;
    this.setState(questionId, entry, 'saving');
    try {
      await this.options.send(questionId, value, seq);
      entry.inFlight = false;
      entry.failures = 0;
      if (entry.dirty) {
        // Changed while saving: send the newer value right away.
        void this.send(questionId, entry);
      } else {
        this.setState(questionId, entry, 'saved');
      }
    } catch (error) {
      entry.inFlight = false;
      const status = (error as SaveError | undefined)?.status;
      if (status === 409) {
        this.setState(questionId, entry, 'error');
        this.close();
        this.options.onClosed?.();
        return;
      }
      entry.dirty = true;
      entry.failures++;
      this.setState(questionId, entry, 'error');
      if (status === 401 || this.closed) return;
      const delay = Math.min(this.retryMs * 2 ** (entry.failures - 1), 30_000);
      this.schedule(questionId, entry, delay);
    }
  }

  private setState(questionId: string, entry: Entry, state: SaveState): void {
    if (entry.state !== state) {
      entry.state = state;
      this.options.onState?.(questionId, state);
    }
  }
}
