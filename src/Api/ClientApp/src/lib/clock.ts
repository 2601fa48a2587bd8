// Server time. Exam windows, deadlines and "Start" buttons follow the server's clock (GET /api/time),
// never the browser's: the offset between the two is measured and added to Date.now().

/** One round trip to /api/time: browser time when sent and received, server time in between. */
export interface ClockSample {
  sentAt: number;
  serverTime: number;
  receivedAt: number;
}

/** The offset (server − browser, ms) a sample implies, assuming the server answered mid-way. */
export function offsetOf(sample: ClockSample): { offset: number; roundTrip: number } {
  const roundTrip = Math.max(0, sample.receivedAt - sample.sentAt);
  const midpoint = sample.sentAt + roundTrip / 2;
  return { offset: sample.serverTime - midpoint, roundTrip };
}

/** The offset of the sample with the shortest round trip (the least uncertain one), or 0 without samples. */
export function bestOffset(samples: readonly ClockSample[]): number {
  let best: { offset: number; roundTrip: number } | undefined;
  for (const sample of samples) {
    const candidate = offsetOf(sample);
    if (!best || candidate.roundTrip < best.roundTrip) {
      best = candidate;
    }
  }
  return best ? Math.round(best.offset) : 0;
}

/** A clock that reads server time from the browser clock plus a measured offset. */
export class ServerClock {
  private offsetMs = 0;
  private synced = false;

  constructor(private readonly browserNow: () => number = () => Date.now()) {}

  /** Server time now, in ms since the epoch. */
  now(): number {
    return this.browserNow() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  get isSynced(): boolean {
    return this.synced;
  }

  setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
    this.synced = true;
  }

  /** Measures the offset with a few round trips to `fetchServerTime` (which returns an ISO timestamp). */
  async sync(fetchServerTime: () => Promise<string>, rounds = 3): Promise<number> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < rounds; i++) {
      const sentAt = this.browserNow();
      const iso = await fetchServerTime();
      const receivedAt = this.browserNow();
      const serverTime = Date.parse(iso);
      if (!Number.isNaN(serverTime)) {
        samples.push({ sentAt, serverTime, receivedAt });
      }
    }
    if (samples.length > 0) {
      this.setOffset(bestOffset(samples));
    }
    return this.offsetMs;
  }
}
