import { describe, expect, it } from 'vitest';
import { formatNumber, formatQuestionScore, humanize, localInputToIso, relativeTime, riskLevel, scoreVerdict, toLocalInputValue } from '../src/lib/format';
import { refreshDelay } from '../src/lib/auth';

describe('formatting', () => {
  const now = Date.parse('2026-11-23T14:00:00Z');

  it('shows last-seen times relative to server time', () => {
    expect(relativeTime(null, now)).toBe('never');
    expect(relativeTime('2026-11-23T13:59:58Z', now)).toBe('just now');
    expect(relativeTime('2026-11-23T13:59:30Z', now)).toBe('30 s ago');
    expect(relativeTime('2026-11-23T13:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-11-23T11:00:00Z', now)).toBe('3 h ago');
  });

  it('bands risk scores (50+ is at risk)', () => {
    expect(riskLevel(0)).toBe('low');
    expect(riskLevel(24)).toBe('low');
    expect(riskLevel(25)).toBe('medium');
    expect(riskLevel(49)).toBe('medium');
    expect(riskLevel(50)).toBe('high');
  });

  it('humanises enum values and numbers', () => {
    expect(humanize('awaiting_manual')).toBe('Awaiting manual');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(66.666)).toBe('66.67');
    expect(formatNumber(null)).toBe('—');
  });

  it('round-trips datetime-local values through UTC', () => {
    const ms = Date.parse('2026-11-23T14:05:00Z');
    expect(localInputToIso(toLocalInputValue(ms))).toBe('2026-11-23T14:05:00.000Z');
    expect(localInputToIso('')).toBeNull();
  });
});

describe('token renewal', () => {
  it('renews after 80 % of the lifetime or two minutes before expiry, never before half of it', () => {
    expect(refreshDelay(2 * 3600_000, 0)).toBe(0.8 * 2 * 3600_000);
    expect(refreshDelay(5 * 60_000, 0)).toBe(3 * 60_000);
    expect(refreshDelay(90_000, 0)).toBe(45_000);
    expect(refreshDelay(1000, 2000)).toBe(0);
  });

  it('never asks for an immediate renewal of a token that is still valid (no renewal storms)', () => {
    for (const lifetime of [1000, 30_000, 90_000, 121_000, 600_000, 7_200_000]) {
      expect(refreshDelay(lifetime, 0)).toBeGreaterThanOrEqual(lifetime / 2);
      expect(refreshDelay(lifetime, 0)).toBeLessThan(lifetime);
    }
  });
});

describe('a question\'s score', () => {
  it('reads partial credit as "partly correct" (issue 17), not as "not correct"', () => {
    // A multiple-choice answer with one of two right options: the server's `correct` is false (not the exact key).
    expect(formatQuestionScore({ score: 1, points: 2, correct: false })).toBe('1 / 2 · partly correct');
    expect(formatQuestionScore({ score: 0.67, points: 2, correct: false })).toBe('0.67 / 2 · partly correct');
    expect(formatQuestionScore({ score: 2, points: 2, correct: true })).toBe('2 / 2 · correct');
    expect(formatQuestionScore({ score: 0, points: 2, correct: false })).toBe('0 / 2 · not correct');
  });

  it('follows the points a teacher set over the automatic verdict', () => {
    expect(scoreVerdict({ score: 2, points: 2, correct: false })).toBe('correct');
    expect(scoreVerdict({ score: 1, points: 2, correct: true })).toBe('partly correct');
  });

  it('has no word for a question without a key or without a score', () => {
    expect(formatQuestionScore({ score: 3, points: 4, correct: null })).toBe('3 / 4');
    expect(formatQuestionScore({ score: null, points: 4, correct: null })).toBe('— / 4');
    expect(scoreVerdict({ score: null, points: 2, correct: false })).toBeNull();
  });
});
