// SignalR reconnection: retry quickly at first, then every 15 s for as long as the page is open (the
// library's default gives up after four attempts, which would leave a proctor's dashboard silently dead).

export interface RetryContextLike {
  previousRetryCount: number;
  elapsedMilliseconds: number;
}

const FIRST_DELAYS = [0, 2000, 5000, 10000];

export const foreverRetryPolicy = {
  nextRetryDelayInMilliseconds(context: RetryContextLike): number | null {
    return FIRST_DELAYS[context.previousRetryCount] ?? 15000;
  },
};

export interface FirstConnectOptions {
  /** Stops the retries (the page was left). */
  signal: AbortSignal;
  /** Checked before each retry: false stops (e.g. signed out, or the page no longer needs live messages). */
  canRetry?: () => boolean;
  /** Called before each wait, with the attempt that failed (1, 2, …) and the delay before the next. */
  onRetry?: (failedAttempts: number, delayMs: number) => void;
  /** Replaceable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * SignalR's automatic reconnection only covers connections that were established once; this keeps trying
 * a first connection that failed, backing off like the reconnection policy (2, 5, 10 s, then every 15 s).
 * Resolves true once `start` succeeds, false when stopped.
 */
export async function connectWithRetry(start: () => Promise<boolean>, options: FirstConnectOptions): Promise<boolean> {
  const sleep = options.sleep ?? abortableSleep;
  const began = Date.now();
  for (let failed = 0; !options.signal.aborted; ) {
    if (await start()) return !options.signal.aborted;
    failed++;
    if (options.signal.aborted || (options.canRetry && !options.canRetry())) return false;
    const delay = foreverRetryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: failed, elapsedMilliseconds: Date.now() - began }) ?? 15000;
    options.onRetry?.(failed, delay);
    await sleep(delay, options.signal);
    if (options.canRetry && !options.canRetry()) return false;
  }
  return false;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export function connectionLabel(state: ConnectionState): string {
  switch (state) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Live';
    case 'reconnecting':
      return 'Connection lost — reconnecting…';
    case 'disconnected':
      return 'Disconnected';
  }
}
