import { describe, expect, it } from 'vitest';
import { applyPresence, initialPresence, type PresenceChange, type PresenceState } from '../src/lib/presence';

function run(state: PresenceState, ...changes: PresenceChange[]) {
  const emitted: string[] = [];
  for (const change of changes) {
    const result = applyPresence(state, change);
    state = result.state;
    emitted.push(...result.emit);
  }
  return { state, emitted };
}

describe('browser signals', () => {
  const present = () => initialPresence(true, true, true);

  it('reports a hidden tab and resumes once visible and focused again', () => {
    const { emitted } = run(
      present(),
      { kind: 'visibility', visible: false },
      { kind: 'focus', focused: false },
      { kind: 'visibility', visible: true },
      { kind: 'focus', focused: true },
    );
    expect(emitted).toEqual(['tab_hidden', 'window_blur', 'resume']);
  });

  it('requires full screen again before resuming once it had been reached', () => {
    const { emitted, state } = run(present(), { kind: 'fullscreen', fullscreen: false }, { kind: 'focus', focused: false }, { kind: 'focus', focused: true });
    expect(emitted).toEqual(['fullscreen_exit', 'window_blur']);
    expect(state.away).toBe(true);
    const back = run(state, { kind: 'fullscreen', fullscreen: true });
    expect(back.emitted).toEqual(['resume']);
  });

  it('does not expect full screen when it was never reached (e.g. refused by the browser)', () => {
    const { emitted } = run(initialPresence(true, true, false), { kind: 'focus', focused: false }, { kind: 'focus', focused: true });
    expect(emitted).toEqual(['window_blur', 'resume']);
  });

  it('entering full screen later makes leaving it reportable', () => {
    const { emitted } = run(initialPresence(true, true, false), { kind: 'fullscreen', fullscreen: true }, { kind: 'fullscreen', fullscreen: false });
    expect(emitted).toEqual(['fullscreen_exit']);
  });

  it('does not repeat a signal for a state that did not change', () => {
    const { emitted } = run(present(), { kind: 'focus', focused: false }, { kind: 'focus', focused: false });
    expect(emitted).toEqual(['window_blur']);
  });

  it('never resumes without having left', () => {
    const { emitted } = run(present(), { kind: 'focus', focused: true }, { kind: 'visibility', visible: true });
    expect(emitted).toEqual([]);
  });
});
