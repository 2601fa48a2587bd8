import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoalescingRunner } from '../src/lib/coalesce';

describe('CoalescingRunner (evidence thumbnails per student)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const deferred = () => {
    let resolve!: (done: boolean) => void;
    const promise = new Promise<boolean>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('lets a burst of requests share one run', async () => {
    const run = vi.fn(async () => true);
    const runner = new CoalescingRunner(run, { delayMs: 500, retryDelaysMs: [] });
    runner.request('s1');
    runner.request('s1');
    runner.request('s2');
    await vi.advanceTimersByTimeAsync(500);
    expect(run.mock.calls).toEqual([['s1'], ['s2']]);
    expect(runner.isBusy('s1')).toBe(false);
  });

  it('runs again when a request arrives while a run is in flight (the alert is not skipped)', async () => {
    const first = deferred();
    const run = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(true);
    const runner = new CoalescingRunner(run, { delayMs: 500, retryDelaysMs: [] });
    runner.request('s1');
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(1);
    runner.request('s1'); // a second alert of the same student while its anomalies are being fetched
    first.resolve(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('retries unfinished or failed runs a few times with back-off, then waits for the next request', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(false);
    const runner = new CoalescingRunner(run, { delayMs: 500, retryDelaysMs: [2000, 5000] });
    runner.request('s1');
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
    runner.request('s1');
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it('does nothing after dispose', async () => {
    const run = vi.fn(async () => true);
    const runner = new CoalescingRunner(run, { delayMs: 500, retryDelaysMs: [] });
    runner.request('s1');
    runner.dispose();
    runner.request('s2');
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).not.toHaveBeenCalled();
  });
});
