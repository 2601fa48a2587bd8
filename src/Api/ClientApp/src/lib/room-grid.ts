// The room's grid of student tiles: sorting, filters, the progress line, the camera tile's state and the
// arrow-key moves between tiles. Pure, so the rules are unit-tested without a browser.

import type { SessionLive } from '../api/types';

export type RoomSort = 'risk' | 'name';
export type RoomFilter = 'all' | 'at_risk' | 'open_alerts' | 'not_started' | 'finished';

/** A risk score from which a running student counts as "at risk" (RoomGrain.AtRiskScore, docs/risk-score.md). */
export const AT_RISK_SCORE = 50;

/** A frame older than this makes the tile say "stale": the client sends one every ~2 s. */
export const STALE_FRAME_MS = 10_000;

/** Someone booked on the slot who has not started yet (sessions exist only once started). */
export interface BookedStudent {
  studentId: string;
  studentName: string;
}

export const FILTER_LABELS: Record<RoomFilter, string> = {
  all: 'Everyone',
  at_risk: 'At risk',
  open_alerts: 'Open alerts',
  not_started: 'Not started',
  finished: 'Finished',
};

/**
 * Whether a session passes a filter. `openAlerts` is the number of unacknowledged alerts of that student.
 * "Not started" sessions do not exist (a session is created when the student starts), so that filter
 * keeps no session; the page lists the booked students without a session instead.
 */
export function passes(session: SessionLive, filter: RoomFilter, openAlerts: number): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'at_risk':
      return session.status === 'in_progress' && session.riskScore >= AT_RISK_SCORE;
    case 'open_alerts':
      return openAlerts > 0 || session.openAnomalies > 0;
    case 'not_started':
      return false;
    case 'finished':
      return session.status !== 'in_progress';
  }
}

/**
 * Sessions in display order. By risk: running students first, highest risk first, then by name (so equal
 * risks keep a stable order); by name: alphabetical. The session id breaks remaining ties.
 */
export function sortSessions(sessions: Iterable<SessionLive>, sort: RoomSort): SessionLive[] {
  const byName = (a: SessionLive, b: SessionLive) => a.studentName.localeCompare(b.studentName) || a.sessionId.localeCompare(b.sessionId);
  const list = [...sessions];
  if (sort === 'name') return list.sort(byName);
  const running = (s: SessionLive) => (s.status === 'in_progress' ? 0 : 1);
  return list.sort((a, b) => running(a) - running(b) || b.riskScore - a.riskScore || byName(a, b));
}

/** "answered 12 of 20 · 18 min left", "answered 3 of 5 · ended". `now` is server time in ms. */
export function progressText(session: SessionLive, now: number): string {
  const answered = `answered ${session.answered ?? 0} of ${session.questionCount ?? 0}`;
  if (session.status !== 'in_progress') return `${answered} · ended`;
  const left = Date.parse(session.deadline) - now;
  if (Number.isNaN(left)) return answered;
  if (left <= 0) return `${answered} · time up`;
  const minutes = Math.ceil(left / 60_000);
  return `${answered} · ${minutes} min left`;
}

export type CameraState = 'live' | 'stale' | 'off' | 'ended' | 'waiting';

/**
 * What the tile says about the camera. `capturedAt` is the time of the frame shown (null when the server
 * has none: no frame since the session started, or the camera is off). `now` is server time in ms.
 */
export function cameraState(session: SessionLive, capturedAt: string | null, now: number, loaded: boolean): CameraState {
  if (session.status !== 'in_progress') return 'ended';
  if (!loaded) return 'waiting';
  if (!capturedAt) return 'off';
  const at = Date.parse(capturedAt);
  return Number.isNaN(at) || now - at > STALE_FRAME_MS ? 'stale' : 'live';
}

export function cameraLabel(state: CameraState, capturedAt: string | null, now: number): string {
  switch (state) {
    case 'live':
      return 'Camera live';
    case 'stale': {
      const seconds = capturedAt ? Math.round((now - Date.parse(capturedAt)) / 1000) : NaN;
      return Number.isFinite(seconds) ? `Stale: no frame for ${seconds} s` : 'Stale';
    }
    case 'off':
      return 'Camera off: no frame yet';
    case 'ended':
      return 'Session ended';
    case 'waiting':
      return 'Loading camera…';
  }
}

/**
 * The camera's state in a few words, written over the tile's picture (the room's tiles are too narrow for
 * cameraLabel beside the other lines; the full label is the caption's tooltip and the focused view's text).
 */
export function cameraCaption(state: CameraState, capturedAt: string | null, now: number): string {
  switch (state) {
    case 'live':
      return 'live';
    case 'stale': {
      const seconds = capturedAt ? Math.round((now - Date.parse(capturedAt)) / 1000) : NaN;
      return Number.isFinite(seconds) ? `stale ${seconds} s` : 'stale';
    }
    case 'off':
      return 'camera off';
    case 'ended':
      return 'ended';
    case 'waiting':
      return '…';
  }
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * The tile index a key moves to in a grid of `count` tiles laid out `columns` per row; the same index at
 * an edge (no wrap-around, as in an ARIA grid).
 */
export function moveInGrid(index: number, key: GridKey, count: number, columns: number): number {
  if (count <= 0) return -1;
  const cols = Math.max(1, columns);
  const at = Math.min(Math.max(index, 0), count - 1);
  switch (key) {
    case 'ArrowLeft':
      return at % cols === 0 ? at : at - 1;
    case 'ArrowRight':
      return at % cols === cols - 1 || at + 1 >= count ? at : at + 1;
    case 'ArrowUp':
      return at - cols >= 0 ? at - cols : at;
    case 'ArrowDown':
      return at + cols < count ? at + cols : at;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
}

/** How many tiles share the first row (tiles laid out by CSS grid): counts the tops equal to the first one. */
export function columnsOf(tops: readonly number[]): number {
  if (tops.length === 0) return 1;
  const first = tops[0]!;
  let n = 0;
  for (const top of tops) {
    if (Math.abs(top - first) > 1) break;
    n++;
  }
  return Math.max(1, n);
}

/** Tab title with the count of open (unacknowledged) alerts in front: "(3) Physics · Live room · ProctorWise". */
export function titleWithCount(base: string, open: number): string {
  return open > 0 ? `(${open > 99 ? '99+' : open}) ${base}` : base;
}
