import { describe, expect, it } from 'vitest';
import { QuestionFlags, questionMark, questionMarkLabel, questionSummary } from '../src/lib/flags';

describe('question flags', () => {
  it('marks a flagged question flagged whether or not it is answered', () => {
    expect(questionMark(false, false)).toBe('unanswered');
    expect(questionMark(true, false)).toBe('answered');
    expect(questionMark(true, true)).toBe('flagged');
    expect(questionMark(false, true)).toBe('flagged');
    expect(questionMarkLabel(true, true)).toBe(', answered, flagged for review');
    expect(questionMarkLabel(false, false)).toBe(', not answered');
  });

  it('summarises the list', () => {
    expect(questionSummary(5, 3, 0)).toBe('Answered 3 of 5');
    expect(questionSummary(5, 3, 2)).toBe('Answered 3 of 5 · 2 flagged for review');
  });

  it('keeps flags per session in the storage, across page loads', () => {
    sessionStorage.clear();
    const flags = new QuestionFlags('s1', sessionStorage);
    expect(flags.toggle('q1')).toBe(true);
    expect(flags.toggle('q2')).toBe(true);
    expect(flags.toggle('q2')).toBe(false);

    const reloaded = new QuestionFlags('s1', sessionStorage);
    expect(reloaded.has('q1')).toBe(true);
    expect(reloaded.has('q2')).toBe(false);
    expect(reloaded.count).toBe(1);
    expect(new QuestionFlags('another-session', sessionStorage).count).toBe(0);
  });

  it('survives garbage in the storage and works without storage', () => {
    sessionStorage.setItem('proctorwise.flags.s2', '{not json');
    expect(new QuestionFlags('s2', sessionStorage).count).toBe(0);
    const memoryOnly = new QuestionFlags('s3', null);
    expect(memoryOnly.toggle('q')).toBe(true);
    expect(memoryOnly.has('q')).toBe(true);
  });
});
