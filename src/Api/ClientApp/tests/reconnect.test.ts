import { describe, expect, it } from 'vitest';
import { connectWithRetry } from '../src/lib/reconnect';

describe('connectWithRetry (a first connection that fails)', () => {
  const recorder = () => {
    const waits: number[] = [];
    return { waits, sleep: async (ms: number) => void waits.push(ms) };
  };

  it('connects at once without waiting', async () => {
    const { waits, sleep } = recorder();
    let calls = 0;
    const ok = await connectWithRetry(async () => ++calls > 0, { signal: new AbortController().signal, sleep });
    expect(ok).toBe(true);
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('backs off 2, 5, 10 s, then every 15 s until it connects, and reports each retry', async () => {
    const { waits, sleep } = recorder();
    const retries: [number, number][] = [];
    let calls = 0;
    const ok = await connectWithRetry(async () => ++calls === 7, {
      signal: new AbortController().signal,
      sleep,
      onRetry: (failed, delay) => retries.push([failed, delay]),
    });
    expect(ok).toBe(true);
    expect(calls).toBe(7);
    expect(waits).toEqual([2000, 5000, 10000, 15000, 15000, 15000]);
    expect(retries.map(([failed]) => failed)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stops when the page is left', async () => {
    const controller = new AbortController();
    const { sleep } = recorder();
    let calls = 0;
    const ok = await connectWithRetry(
      async () => {
        if (++calls === 3) controller.abort();
        return false;
      },
      { signal: controller.signal, sleep },
    );
    expect(ok).toBe(false);
    expect(calls).toBe(3);
  });

  it('stops when retrying no longer makes sense (signed out, exam ended)', async () => {
    const { waits, sleep } = recorder();
    let calls = 0;
    const ok = await connectWithRetry(async () => (++calls, false), { signal: new AbortController().signal, sleep, canRetry: () => calls < 2 });
    expect(ok).toBe(false);
    expect(calls).toBe(2);
    expect(waits).toEqual([2000]);
  });

  it('wakes up from a wait when aborted', async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = connectWithRetry(async () => (++calls, false), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    expect(await pending).toBe(false);
    expect(calls).toBe(1);
  });
});
