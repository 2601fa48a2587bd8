// Sequence numbers for answers and browser signals. The server ignores a write whose `seq` is not
// greater than the last one it applied (per question for answers, per session for signals) and does not
// say so, and it never tells the client the last `seq` it saw. A counter starting at 1 would therefore
// be silently ignored after a reload or on another device. Numbers are derived from server time
// (ms since the epoch) and forced to increase, so they keep increasing across reloads and devices.

export class SequenceGenerator {
  private last = 0;

  constructor(private readonly now: () => number) {}

  next(): number {
    const candidate = Math.floor(this.now());
    this.last = candidate > this.last ? candidate : this.last + 1;
    return this.last;
  }

  /** The last number handed out (0 before the first). */
  get current(): number {
    return this.last;
  }
}

/** One increasing sequence per key (e.g. per question). */
export class KeyedSequences {
  private readonly sequences = new Map<string, SequenceGenerator>();

  constructor(private readonly now: () => number) {}

  next(key: string): number {
    let generator = this.sequences.get(key);
    if (!generator) {
      generator = new SequenceGenerator(this.now);
      this.sequences.set(key, generator);
    }
    return generator.next();
  }
}

/**
 * Runs tasks one after another in the order they were added (each starts once the previous settled). Browser
 * signals go through one: sent concurrently, a `resume` could reach the server before the `tab_hidden` it
 * follows, and the server would then drop the `tab_hidden` as stale — the proctor would never see the alert.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Adds a task; the returned promise settles with it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
