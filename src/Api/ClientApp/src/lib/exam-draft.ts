// The exam editor's model: defaults, type changes and the request body. Pure and unit-tested.

import type { Exam, ExamRequest, ProctoringPolicy, Question, QuestionType } from '../api/types';

/** The server's defaults (ProctoringPolicy.cs). */
export const DEFAULT_POLICY: ProctoringPolicy = {
  noFaceSeconds: 5,
  lookingAwaySeconds: 5,
  multipleFacesFrames: 2,
  maxTabSwitches: 3,
  webcamRequired: true,
  shuffleQuestions: false,
  frameTimeoutSeconds: 15,
  lookingAwayYaw: 0.3,
  objectFrames: 2,
};

export interface DraftQuestion {
  /** Client key for rendering; the server id when the question exists. */
  key: string;
  id?: string;
  type: QuestionType;
  text: string;
  options: string[];
  correct: number[];
  correctText: string;
  points: number;
}

export interface ExamDraft {
  title: string;
  description: string;
  durationMinutes: number;
  passMarkPercent: number;
  proctoring: ProctoringPolicy;
  questions: DraftQuestion[];
}

let keyCounter = 0;
const newKey = () => `q${++keyCounter}`;

export function emptyDraft(): ExamDraft {
  return { title: '', description: '', durationMinutes: 30, passMarkPercent: 60, proctoring: { ...DEFAULT_POLICY }, questions: [newQuestion('single_choice')] };
}

export function newQuestion(type: QuestionType): DraftQuestion {
  return changeType({ key: newKey(), type: 'essay', text: '', options: [], correct: [], correctText: '', points: 1 }, type);
}

export function draftFromExam(exam: Exam): ExamDraft {
  return {
    title: exam.title,
    description: exam.description ?? '',
    durationMinutes: exam.durationMinutes,
    passMarkPercent: exam.passMarkPercent,
    proctoring: { ...DEFAULT_POLICY, ...exam.proctoring },
    questions: (exam.questions ?? []).map((q) => ({
      key: newKey(),
      ...(q.id ? { id: q.id } : {}),
      type: q.type,
      text: q.text,
      options: q.type === 'true_false' ? [] : [...(q.options ?? [])],
      correct: [...(q.correct ?? [])],
      correctText: q.correctText ?? '',
      points: q.points,
    })),
  };
}

/** Switches a question's type, keeping what still makes sense (text, points, options between choice types). */
export function changeType(question: DraftQuestion, type: QuestionType): DraftQuestion {
  const next: DraftQuestion = { ...question, type };
  switch (type) {
    case 'single_choice':
    case 'multiple_choice':
      next.options = question.options.length >= 2 ? [...question.options] : ['', ''];
      next.correct = type === 'single_choice' ? question.correct.filter((i) => i < next.options.length).slice(0, 1) : question.correct.filter((i) => i < next.options.length);
      break;
    case 'true_false':
      next.options = [];
      next.correct = question.type === 'true_false' ? [...question.correct] : [0];
      break;
    default:
      next.options = [];
      next.correct = [];
  }
  return next;
}

/** Removes option `index`, renumbering the correct indexes after it. */
export function removeOption(question: DraftQuestion, index: number): DraftQuestion {
  return {
    ...question,
    options: question.options.filter((_, i) => i !== index),
    correct: question.correct.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)),
  };
}

/** Marks option `index` correct or not (exactly one for single choice). */
export function setCorrect(question: DraftQuestion, index: number, correct: boolean): DraftQuestion {
  if (question.type === 'single_choice' || question.type === 'true_false') return { ...question, correct: correct ? [index] : [] };
  const set = new Set(question.correct);
  if (correct) set.add(index);
  else set.delete(index);
  return { ...question, correct: [...set].sort((a, b) => a - b) };
}

export function moveQuestion(questions: DraftQuestion[], from: number, to: number): DraftQuestion[] {
  if (to < 0 || to >= questions.length) return questions;
  const copy = [...questions];
  const [item] = copy.splice(from, 1);
  if (item) copy.splice(to, 0, item);
  return copy;
}

/** The body of POST/PUT /api/exams: only the fields each type carries (docs/API.md §3 `question`). */
export function toRequest(draft: ExamDraft): ExamRequest {
  return {
    title: draft.title.trim(),
    description: draft.description.trim() || null,
    durationMinutes: draft.durationMinutes,
    passMarkPercent: draft.passMarkPercent,
    proctoring: { ...draft.proctoring },
    questions: draft.questions.map((q) => {
      const base: Question = { type: q.type, text: q.text.trim(), points: q.points };
      if (q.id) base.id = q.id;
      switch (q.type) {
        case 'single_choice':
        case 'multiple_choice':
          return { ...base, options: q.options.map((o) => o.trim()), correct: [...q.correct] };
        case 'true_false':
          return { ...base, correct: [...q.correct] };
        case 'short_answer':
          return { ...base, correctText: q.correctText.trim() };
        default:
          return base;
      }
    }),
  };
}
