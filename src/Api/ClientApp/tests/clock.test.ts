import { describe, expect, it } from 'vitest';
import { ServerClock, bestOffset, offsetOf } from '../src/lib/clock';
import { countdownLevel, describeCountdown, formatCountdown, isWithinWindow, remainingMs } from '../src/lib/countdown';

describe('server clock offset', () => {
  it('assumes the server answered half-way through the round trip', () => {
    expect(offsetOf({ sentAt: 1000, serverTime: 6100, receivedAt: 1200 })).toEqual({ offset: 5000, roundTrip: 200 });
  });

  it('keeps the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, serverTime: 10_500, receivedAt: 1000 }, // offset 10000, rtt 1000
      { sentAt: 2000, serverTime: 12_040, receivedAt: 2060 }, // offset 10010, rtt 60
      { sentAt: 3000, serverTime: 13_300, receivedAt: 3400 },
    ];
    expect(bestOffset(samples)).toBe(10_010);
    expect(bestOffset([])).toBe(0);
  });

  it('reads server time as browser time plus the measured offset', async () => {
    let browser = 1_000_000;
    const clock = new ServerClock(() => browser);
    await clock.sync(async () => {
      browser += 50;
      return new Date(1_000_000 + 50 + 3_600_000).toISOString(); // server is one hour ahead
    }, 1);
    expect(clock.isSynced).toBe(true);
    expect(Math.abs(clock.offset - 3_600_000)).toBeLessThanOrEqual(25);
    browser = 2_000_000;
    expect(Math.abs(clock.now() - 5_600_000)).toBeLessThanOrEqual(25);
  });

  it('keeps the previous offset when the server time cannot be read', async () => {
    const clock = new ServerClock(() => 0);
    clock.setOffset(42);
    await clock.sync(async () => 'not a date', 2);
    expect(clock.offset).toBe(42);
  });
});

describe('countdown', () => {
  const deadline = '2026-11-23T14:00:00Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts down to the server deadline and never below zero', () => {
    expect(remainingMs(deadline, at('2026-11-23T13:59:00Z'))).toBe(60_000);
    expect(remainingMs(deadline, at('2026-11-23T14:00:05Z'))).toBe(0);
    expect(remainingMs('garbage', 0)).toBe(0);
  });

  it('formats with hours only when needed and rounds up', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(65_000)).toBe('01:05');
    expect(formatCountdown(3_600_000 + 5 * 60_000 + 9_000)).toBe('1:05:09');
  });

  it('describes the time left for screen readers', () => {
    expect(describeCountdown(65_000)).toBe('1 minute 5 seconds left');
    expect(describeCountdown(0)).toBe('0 seconds left');
    expect(describeCountdown(2 * 3_600_000)).toBe('2 hours left');
  });

  it('warns under five minutes and is critical under one', () => {
    expect(countdownLevel(10 * 60_000)).toBe('normal');
    expect(countdownLevel(4 * 60_000)).toBe('warning');
    expect(countdownLevel(30_000)).toBe('critical');
  });

  it('opens Start from the slot start (inclusive) to its end (exclusive), by server time', () => {
    const start = '2026-11-23T13:00:00Z';
    const end = '2026-11-23T13:30:00Z';
    expect(isWithinWindow(start, end, at(start) - 1)).toBe(false);
    expect(isWithinWindow(start, end, at(start))).toBe(true);
    expect(isWithinWindow(start, end, at(end) - 1)).toBe(true);
    expect(isWithinWindow(start, end, at(end))).toBe(false);
  });
});
