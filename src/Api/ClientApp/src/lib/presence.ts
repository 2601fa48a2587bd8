// Which browser signals the exam page reports. Pure: the page feeds it DOM events and sends what it emits.

import type { SignalType } from '../api/types';

export interface PresenceState {
  visible: boolean;
  focused: boolean;
  fullscreen: boolean;
  /** Full screen was reached once: leaving it is reported and coming back is required to "resume". */
  fullscreenExpected: boolean;
  /** Something was reported since the last "resume". */
  away: boolean;
}

export type PresenceChange =
  | { kind: 'visibility'; visible: boolean }
  | { kind: 'focus'; focused: boolean }
  | { kind: 'fullscreen'; fullscreen: boolean };

export function initialPresence(visible: boolean, focused: boolean, fullscreen: boolean): PresenceState {
  return { visible, focused, fullscreen, fullscreenExpected: fullscreen, away: false };
}

/** Whether the student is back: visible, focused and (if it was reached) in full screen. */
export function isPresent(state: PresenceState): boolean {
  return state.visible && state.focused && (state.fullscreen || !state.fullscreenExpected);
}

/**
 * Applies a change and returns the new state with the signals to send: `tab_hidden` when the page
 * becomes hidden, `window_blur` when the window loses focus, `fullscreen_exit` when full screen is left,
 * and one `resume` once the page is visible, focused and in full screen again after any of those.
 */
export function applyPresence(state: PresenceState, change: PresenceChange): { state: PresenceState; emit: SignalType[] } {
  const next: PresenceState = { ...state };
  const emit: SignalType[] = [];
  switch (change.kind) {
    case 'visibility':
      if (state.visible && !change.visible) {
        emit.push('tab_hidden');
        next.away = true;
      }
      next.visible = change.visible;
      break;
    case 'focus':
      if (state.focused && !change.focused) {
        emit.push('window_blur');
        next.away = true;
      }
      next.focused = change.focused;
      break;
    case 'fullscreen':
      if (change.fullscreen) {
        next.fullscreenExpected = true;
      } else if (state.fullscreen && state.fullscreenExpected) {
        emit.push('fullscreen_exit');
        next.away = true;
      }
      next.fullscreen = change.fullscreen;
      break;
  }
  if (next.away && isPresent(next)) {
    emit.push('resume');
    next.away = false;
  }
  return { state: next, emit };
}
