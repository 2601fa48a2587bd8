import { describe, expect, it } from 'vitest';
import { KeyedSequences, SequenceGenerator, SerialQueue } from '../src/lib/sequence';

describe('sequence numbers', () => {
  it('follow server time so a reloaded page continues above the numbers it used before', () => {
    let now = 1_700_000_000_000;
    const before = new SequenceGenerator(() => now);
    const a = before.next();
    now += 10_000; // reload ten seconds later: a fresh generator
    const after = new SequenceGenerator(() => now);
    expect(after.next()).toBeGreaterThan(a);
  });

  it('always increase, even within the same millisecond or if the clock steps back', () => {
    let now = 1000;
    const seq = new SequenceGenerator(() => now);
    expect(seq.next()).toBe(1000);
    expect(seq.next()).toBe(1001);
    now = 900;
    expect(seq.next()).toBe(1002);
    now = 5000;
    expect(seq.next()).toBe(5000);
    expect(seq.current).toBe(5000);
  });

  it('are independent per key', () => {
    const seqs = new KeyedSequences(() => 10);
    expect(seqs.next('q1')).toBe(10);
    expect(seqs.next('q1')).toBe(11);
    expect(seqs.next('q2')).toBe(10);
  });
});

describe('SerialQueue', () => {
  it('sends one at a time, in order, even when an earlier request is slower or fails', async () => {
    const log: string[] = [];
    const queue = new SerialQueue();
    const request = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          if (fail) reject(new Error(name));
          else resolve(name);
        }, ms);
      });
    const hidden = queue.run(request('tab_hidden', 30, true));
    const resume = queue.run(request('resume', 1));
    await expect(hidden).rejects.toThrow('tab_hidden');
    await expect(resume).resolves.toBe('resume');
    expect(log).toEqual(['start tab_hidden', 'end tab_hidden', 'start resume', 'end resume']);
  });
});
