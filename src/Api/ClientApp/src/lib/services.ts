// App-wide singletons without dependencies of their own.

import type { TimeResponse } from '../api/types';
import { ServerClock } from './clock';

/** Server time: GET /api/time sets the offset at start-up and every few minutes. */
export const clock = new ServerClock();

/** Measures the offset between the server's and the browser's clocks. */
export async function syncClock(): Promise<void> {
  try {
    await clock.sync(async () => {
      const response = await fetch('/api/time', { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) throw new Error(`GET /api/time answered ${response.status}`);
      return ((await response.json()) as TimeResponse).now;
    });
  } catch {
    // Keep the previous offset (0 before the first success); countdowns stay approximately right.
  }
}
