import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveQueue, describeAnswer, isAnswered, optionsOf, overallState, selectOption, type SaveState } from '../src/lib/answers';
import type { AnswerValue } from '../src/api/types';

describe('answer model', () => {
  it('knows what counts as answered', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered([0])).toBe(true);
    expect(isAnswered('   ')).toBe(false);
    expect(isAnswered('x')).toBe(true);
  });

  it('keeps one option for single choice and a sorted set for multiple choice', () => {
    expect(selectOption([1], 2, false, true)).toEqual([2]);
    expect(selectOption([2], 0, true, true)).toEqual([0, 2]);
    expect(selectOption([0, 2], 2, true, false)).toEqual([0]);
    expect(selectOption(undefined, 3, true, true)).toEqual([3]);
  });

  it('gives true/false questions their implicit options', () => {
    expect(optionsOf({ type: 'true_false', options: null })).toEqual(['true', 'false']);
    expect(optionsOf({ type: 'single_choice', options: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(optionsOf({ type: 'essay', options: null })).toEqual([]);
  });

  it('describes answers with option texts', () => {
    expect(describeAnswer([0, 2], ['C#', 'HTML', 'Python'])).toBe('C#, Python');
    expect(describeAnswer([5], ['a'])).toBe('option 6');
    expect(describeAnswer('free text', null)).toBe('free text');
    expect(describeAnswer(null, null)).toBe('');
  });

  it('summarises the save state with errors first', () => {
    expect(overallState([])).toBe('idle');
    expect(overallState(['saved', 'saving'])).toBe('saving');
    expect(overallState(['saved', 'pending'])).toBe('saving');
    expect(overallState(['saved', 'error', 'saving'])).toBe('error');
    expect(overallState(['saved', 'idle'])).toBe('saved');
  });
});

describe('autosave queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(send: (q: string, a: AnswerValue, seq: number) => Promise<void>) {
    let seq = 0;
    const states: [string, SaveState][] = [];
    const onClosed = vi.fn();
    const queue = new AutosaveQueue({ send, nextSeq: () => ++seq, onState: (q, s) => states.push([q, s]), onClosed, debounceMs: 500, retryMs: 1000 });
    return { queue, states, onClosed };
  }

  it('debounces changes and sends the latest value once with an increasing seq', async () => {
    const send = vi.fn(async () => undefined);
    const { queue } = setup(send);
    queue.change('q1', 'a');
    queue.change('q1', 'ab');
    queue.change('q1', 'abc');
    expect(queue.stateOf('q1')).toBe('pending');
    await vi.advanceTimersByTimeAsync(499);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('q1', 'abc', 1);
    expect(queue.stateOf('q1')).toBe('saved');
    expect(queue.allSaved).toBe(true);
  });

  it('sends choices immediately', async () => {
    const send = vi.fn(async () => undefined);
    const { queue } = setup(send);
    queue.change('q1', [2], true);
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledWith('q1', [2], 1);
  });

  it('keeps one request in flight per question and sends the newer value afterwards', async () => {
    let release: () => void = () => undefined;
    const send = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const { queue } = setup(send);
    queue.change('q1', [0], true);
    await vi.advanceTimersByTimeAsync(0);
    queue.change('q1', [1], true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.stateOf('q1')).toBe('saving');
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith('q1', [1], 2);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.stateOf('q1')).toBe('saved');
  });

  it('retries failed saves with a new seq and shows the error meanwhile', async () => {
    let fail = true;
    const send = vi.fn(async () => {
      if (fail) throw { status: 503 };
    });
    const { queue } = setup(send);
    queue.change('q1', 'x', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.stateOf('q1')).toBe('error');
    expect(queue.overall).toBe('error');
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith('q1', 'x', 2);
    expect(queue.stateOf('q1')).toBe('saved');
  });

  it('stops on 409 (the session no longer accepts answers) and reports it', async () => {
    const send = vi.fn(async () => {
      throw { status: 409 };
    });
    const { queue, onClosed } = setup(send);
    queue.change('q1', 'x', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(onClosed).toHaveBeenCalledTimes(1);
    queue.change('q1', 'y', true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not retry after a 401 (the app signs the user out)', async () => {
    const send = vi.fn(async () => {
      throw { status: 401 };
    });
    const { queue } = setup(send);
    queue.change('q1', 'x', true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('flush sends pending changes without waiting for the debounce', async () => {
    const send = vi.fn(async () => undefined);
    const { queue } = setup(send);
    queue.change('q1', 'a');
    queue.change('q2', 'b');
    const done = queue.flush();
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(send).toHaveBeenCalledTimes(2);
    expect(queue.allSaved).toBe(true);
  });
});
