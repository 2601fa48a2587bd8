import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, changeType, draftFromExam, emptyDraft, moveQuestion, newQuestion, removeOption, setCorrect, toRequest } from '../src/lib/exam-draft';
import type { Exam } from '../src/api/types';

describe('exam draft', () => {
  it('starts with the server defaults for the proctoring policy', () => {
    const draft = emptyDraft();
    expect(draft.proctoring).toEqual(DEFAULT_POLICY);
    expect(draft.passMarkPercent).toBe(60);
  });

  it('builds the request with only the fields each question type carries', () => {
    const draft = emptyDraft();
    draft.title = '  Algebra ';
    draft.questions = [
      { ...newQuestion('single_choice'), text: 'Pick', options: ['a', 'b '], correct: [1], points: 1 },
      { ...newQuestion('multiple_choice'), text: 'Pick many', options: ['a', 'b', 'c'], correct: [0, 2], points: 2 },
      { ...newQuestion('true_false'), text: 'True?', correct: [1], points: 1 },
      { ...newQuestion('short_answer'), text: 'Name', correctText: ' cpu ', points: 2 },
      { ...newQuestion('essay'), text: 'Explain', points: 4 },
    ];
    const body = toRequest(draft);
    expect(body.title).toBe('Algebra');
    expect(body.description).toBeNull();
    expect(body.questions).toEqual([
      { type: 'single_choice', text: 'Pick', points: 1, options: ['a', 'b'], correct: [1] },
      { type: 'multiple_choice', text: 'Pick many', points: 2, options: ['a', 'b', 'c'], correct: [0, 2] },
      { type: 'true_false', text: 'True?', points: 1, correct: [1] },
      { type: 'short_answer', text: 'Name', points: 2, correctText: 'cpu' },
      { type: 'essay', text: 'Explain', points: 4 },
    ]);
  });

  it('keeps existing question ids so edits replace, not duplicate', () => {
    const exam = { title: 't', description: null, durationMinutes: 10, passMarkPercent: 50, proctoring: DEFAULT_POLICY, questions: [{ id: 'q-1', type: 'true_false', text: 'x', options: null, correct: [0], correctText: null, points: 1 }] } as unknown as Exam;
    expect(toRequest(draftFromExam(exam)).questions[0]).toEqual({ id: 'q-1', type: 'true_false', text: 'x', points: 1, correct: [0] });
  });

  it('switches types sensibly', () => {
    const single = { ...newQuestion('multiple_choice'), options: ['a', 'b', 'c'], correct: [0, 2] };
    expect(changeType(single, 'single_choice')).toMatchObject({ options: ['a', 'b', 'c'], correct: [0] });
    expect(changeType(single, 'true_false')).toMatchObject({ options: [], correct: [0] });
    expect(changeType(single, 'essay')).toMatchObject({ options: [], correct: [] });
    expect(newQuestion('single_choice').options).toEqual(['', '']);
  });

  it('renumbers correct answers when an option is removed', () => {
    const q = { ...newQuestion('multiple_choice'), options: ['a', 'b', 'c', 'd'], correct: [1, 3] };
    expect(removeOption(q, 0)).toMatchObject({ options: ['b', 'c', 'd'], correct: [0, 2] });
    expect(removeOption(q, 1)).toMatchObject({ options: ['a', 'c', 'd'], correct: [2] });
  });

  it('keeps exactly one correct option for single choice', () => {
    const q = { ...newQuestion('single_choice'), options: ['a', 'b', 'c'], correct: [0] };
    expect(setCorrect(q, 2, true).correct).toEqual([2]);
    const m = { ...newQuestion('multiple_choice'), options: ['a', 'b', 'c'], correct: [0] };
    expect(setCorrect(m, 2, true).correct).toEqual([0, 2]);
    expect(setCorrect(m, 0, false).correct).toEqual([]);
  });

  it('moves questions within bounds', () => {
    const a = newQuestion('essay');
    const b = newQuestion('essay');
    expect(moveQuestion([a, b], 0, 1)).toEqual([b, a]);
    expect(moveQuestion([a, b], 0, -1)).toEqual([a, b]);
  });
});
