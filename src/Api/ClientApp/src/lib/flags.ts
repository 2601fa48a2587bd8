// Questions a student flagged for review during an exam, and how the question list marks each question.
//
// Kept in this tab's sessionStorage under the session's id, not on the server: a flag is the student's own
// reminder, never graded or seen by anyone else, and persisting it with the answers would mean a new field in
// the session grain's state, a new endpoint and its contract for something a reload of the same tab already
// keeps. Another browser (or a closed tab) starts without flags; answers are unaffected.

export type QuestionMark = 'flagged' | 'answered' | 'unanswered';

/** Flagged wins: a flagged question is one the student wants to come back to, answered or not. */
export function questionMark(answered: boolean, flagged: boolean): QuestionMark {
  return flagged ? 'flagged' : answered ? 'answered' : 'unanswered';
}

/** The words a screen reader hears after the question's number. */
export function questionMarkLabel(answered: boolean, flagged: boolean): string {
  return `${answered ? ', answered' : ', not answered'}${flagged ? ', flagged for review' : ''}`;
}

/** "Answered 3 of 5 · 1 flagged for review". */
export function questionSummary(total: number, answered: number, flagged: number): string {
  return `Answered ${answered} of ${total}${flagged > 0 ? ` · ${flagged} flagged for review` : ''}`;
}

const PREFIX = 'proctorwise.flags.';

function defaultStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: flags still work for this page, they just do not survive a reload
  }
}

export class QuestionFlags {
  private readonly flagged: Set<string>;

  constructor(
    private readonly sessionId: string,
    private readonly storage: Storage | null = defaultStorage(),
  ) {
    this.flagged = new Set(this.read());
  }

  has(questionId: string): boolean {
    return this.flagged.has(questionId);
  }

  get count(): number {
    return this.flagged.size;
  }

  /** Flags or unflags; returns whether the question is now flagged. */
  toggle(questionId: string): boolean {
    if (this.flagged.has(questionId)) this.flagged.delete(questionId);
    else this.flagged.add(questionId);
    try {
      this.storage?.setItem(PREFIX + this.sessionId, JSON.stringify([...this.flagged]));
    } catch {
      // quota or disabled storage: the flag holds for this page
    }
    return this.flagged.has(questionId);
  }

  private read(): string[] {
    try {
      const raw = this.storage?.getItem(PREFIX + this.sessionId);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  }
}
