// Display formatting: dates in the browser's time zone with an English format, relative times, labels.

const dateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : dateTime.format(ms);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : timeOnly.format(ms);
}

/** "just now", "12 s ago", "3 min ago", "2 h ago", "never". `now` is server time in ms. */
export function relativeTime(iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'never';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** "tab_hidden" → "Tab hidden". */
export function humanize(value: string): string {
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const QUESTION_TYPE_LABELS: Record<string, string> = {
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  true_false: 'True / false',
  short_answer: 'Short answer',
  essay: 'Essay',
};

export function questionTypeLabel(type: string): string {
  return QUESTION_TYPE_LABELS[type] ?? humanize(type);
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '');
}

export type ScoreVerdict = 'correct' | 'partly correct' | 'not correct';

export interface QuestionScore {
  score: number | null;
  points: number;
  /** The server's verdict against the key; null for a question without one (essay) or not graded yet. */
  correct: boolean | null;
}

/**
 * The word after a question's score. It follows the points awarded, not only `correct` (which is false for any
 * answer that is not exactly the key): 1 of 2 points on a multiple-choice question is "partly correct", not
 * "not correct" (issue 17), and a teacher's change of score changes the word with it. Essays have no key and
 * get no word.
 */
export function scoreVerdict(result: QuestionScore): ScoreVerdict | null {
  if (result.score === null || result.correct === null) return null;
  if (result.score >= result.points) return 'correct';
  return result.score > 0 ? 'partly correct' : 'not correct';
}

/** "1 / 2 · partly correct", "2 / 2 · correct", "3 / 4" (essay), "— / 4" (not graded or not published). */
export function formatQuestionScore(result: QuestionScore): string {
  const verdict = scoreVerdict(result);
  return `${formatNumber(result.score)} / ${formatNumber(result.points)}${verdict ? ` · ${verdict}` : ''}`;
}

export type RiskLevel = 'low' | 'medium' | 'high';

/** Colour band of a 0–100 risk score; 50 or more is "at risk" (docs/risk-score.md, RoomSummary.AtRisk). */
export function riskLevel(score: number): RiskLevel {
  if (score >= 50) return 'high';
  if (score >= 25) return 'medium';
  return 'low';
}

/** `datetime-local` value (browser local time) → ISO UTC, or null when empty or invalid. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** ms since the epoch → `datetime-local` value in browser local time (minutes precision). */
export function toLocalInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
