import { describe, expect, it } from 'vitest';
import type { GradeChange } from '../src/api/types';
import { describeQuestion, describeTotal, newestFirst } from '../src/lib/grade-changes';

const change = (overrides: Partial<GradeChange> = {}): GradeChange => ({
  changedAt: '2026-12-05T10:00:00Z',
  changedBy: null,
  changedByName: null,
  questionId: 'essay',
  previousQuestionScore: 3,
  questionScore: 1,
  feedbackChanged: false,
  previousScore: 6,
  score: 4,
  previousPercent: 60,
  percent: 40,
  reason: null,
  ...overrides,
});

describe('grade changes after publication', () => {
  it('shows the total before and after', () => {
    expect(describeTotal(change(), 10)).toBe('6 → 4 / 10 (60 % → 40 %)');
    expect(describeTotal(change({ previousScore: 6.5, score: 7.25, previousPercent: 65, percent: 72.5 }), 10)).toBe('6.5 → 7.25 / 10 (65 % → 72.5 %)');
  });

  it('names the question by its position and says what changed', () => {
    const ids = ['single', 'multi', 'essay'];
    expect(describeQuestion(change(), ids)).toBe('Question 3: 3 → 1 point');
    expect(describeQuestion(change({ questionScore: 4, feedbackChanged: true }), ids)).toBe('Question 3: 3 → 4 points, feedback changed');
    expect(describeQuestion(change({ previousQuestionScore: 1, questionScore: 1, feedbackChanged: true }), ids)).toBe('Question 3: score unchanged (1 point), feedback changed');
    expect(describeQuestion(change({ questionId: 'gone' }), ids)).toBe('Question gone: 3 → 1 point');
  });

  it('lists the newest change first without touching the original list', () => {
    const older = change({ changedAt: '2026-12-05T09:00:00Z', reason: 'first' });
    const newer = change({ changedAt: '2026-12-05T11:00:00Z', reason: 'second' });
    const list = [older, newer];
    expect(newestFirst(list).map((c) => c.reason)).toEqual(['second', 'first']);
    expect(list.map((c) => c.reason)).toEqual(['first', 'second']);
    expect(newestFirst(null)).toEqual([]);
  });
});
