// One job per key at a time, nothing lost: a request made while the key's job is scheduled joins it, a
// request made while it runs makes it run once more afterwards, and a run that reports unfinished work is
// retried a few times with back-off. Used for a proctor's evidence thumbnails (one anomaly list per student).

export interface CoalescingOptions {
  /** Delay before a requested run (lets a burst of requests share one run). */
  delayMs: number;
  /** Delays of the retries after runs that left work undone (then it waits for the next request). */
  retryDelaysMs: readonly number[];
}

interface Entry {
  timer: ReturnType<typeof setTimeout> | undefined;
  running: boolean;
  again: boolean;
}

export class CoalescingRunner {
  private readonly entries = new Map<string, Entry>();
  private disposed = false;

  /** `run` resolves true when the key's work is done, false (or rejects) when some is left to retry. */
  constructor(
    private readonly run: (key: string) => Promise<boolean>,
    private readonly options: CoalescingOptions,
  ) {}

  /** Asks for a run for `key` (now-ish, or again after the one in progress). */
  request(key: string): void {
    if (this.disposed) return;
    const entry = this.entries.get(key);
    if (!entry) {
      this.schedule(key, this.options.delayMs, 0);
    } else if (entry.running) {
      entry.again = true;
    }
    // else: a run is already scheduled and will see this request's work.
  }

  /** Whether a run for `key` is scheduled or in progress. */
  isBusy(key: string): boolean {
    return this.entries.has(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
  }

  private schedule(key: string, delay: number, attempt: number): void {
    const entry: Entry = { timer: undefined, running: false, again: false };
    entry.timer = setTimeout(() => void this.execute(key, entry, attempt), delay);
    this.entries.set(key, entry);
  }

  private async execute(key: string, entry: Entry, attempt: number): Promise<void> {
    entry.timer = undefined;
    entry.running = true;
    let done = false;
    try {
      done = await this.run(key);
    } catch {
      done = false;
    }
    entry.running = false;
    if (this.disposed || this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    if (entry.again) {
      this.schedule(key, this.options.delayMs, 0);
    } else if (!done && attempt < this.options.retryDelaysMs.length) {
      this.schedule(key, this.options.retryDelaysMs[attempt]!, attempt + 1);
    }
  }
}
