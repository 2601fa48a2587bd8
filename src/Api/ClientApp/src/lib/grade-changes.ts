// Grade changes after publication (docs/grading.md): the texts the student's result and the teacher's grading page show.

import type { GradeChange } from '../api/types';
import { formatNumber } from './format';

/** "6 → 4 / 10 (60 % → 40 %)": the submission's total before and after one change. */
export function describeTotal(change: GradeChange, maxScore: number): string {
  return `${formatNumber(change.previousScore)} → ${formatNumber(change.score)} / ${formatNumber(maxScore)} (${formatNumber(change.previousPercent)} % → ${formatNumber(change.percent)} %)`;
}

/** "Question 2: 3 → 1 point(s), feedback changed"; the number is the question's position, or its id when unknown. */
export function describeQuestion(change: GradeChange, questionIds: readonly string[]): string {
  const index = questionIds.indexOf(change.questionId);
  const label = index >= 0 ? `Question ${index + 1}` : `Question ${change.questionId}`;
  const points = change.questionScore === 1 ? 'point' : 'points';
  const scores =
    change.previousQuestionScore === change.questionScore
      ? `score unchanged (${formatNumber(change.questionScore)} ${points})`
      : `${formatNumber(change.previousQuestionScore)} → ${formatNumber(change.questionScore)} ${points}`;
  return `${label}: ${scores}${change.feedbackChanged ? ', feedback changed' : ''}`;
}

/** The newest change first, as both pages list them (the API sends them oldest first). */
export function newestFirst(changes: readonly GradeChange[] | null | undefined): GradeChange[] {
  return [...(changes ?? [])].sort((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt));
}
