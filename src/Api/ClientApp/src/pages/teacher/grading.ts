// Teacher: one submission — the student's answers, grades with feedback per question, and publication.

import { ApiError } from '../../api/client';
import { getExam, getSubmission, gradeQuestion, publishSubmission } from '../../api/endpoints';
import type { Exam, Question, QuestionResult, Submission } from '../../api/types';
import { describeAnswer } from '../../lib/answers';
import { h, replace } from '../../lib/dom';
import { formatDateTime, formatNumber, formatQuestionScore, humanize, questionTypeLabel, scoreVerdict } from '../../lib/format';
import { describeQuestion, describeTotal, newestFirst } from '../../lib/grade-changes';
import type { PageContext } from '../../lib/router';
import { StatusLine, badge, busy, field, input, loading, pageHeader, showFormError, table } from '../../ui/components';

export async function gradingPage(ctx: PageContext): Promise<void> {
  const id = ctx.params.id ?? '';
  const status = new StatusLine('grading-status');
  const publishStatus = new StatusLine('publish-status');
  const header = pageHeader('Grade submission');
  const summaryBox = h('div');
  const historyBox = h('div');
  const list = h('div', { class: 'stack' }, loading());
  ctx.root.append(header, status.el, summaryBox, historyBox, list);
  // Each question's "reason" field: shown once the result is published, when a change is recorded for the student.
  const reasonFields: HTMLElement[] = [];

  let submission: Submission;
  let questions = new Map<string, Question>();
  try {
    submission = await getSubmission(id);
    try {
      const exam: Exam = await getExam(submission.examId);
      questions = new Map((exam.questions ?? []).filter((q) => q.id).map((q) => [q.id!, q]));
      header.querySelector('h1')!.textContent = `Grade: ${submission.studentName} — ${submission.examTitle}`;
    } catch {
      header.querySelector('h1')!.textContent = `Grade: ${submission.studentName}`;
    }
  } catch (error) {
    replace(list);
    status.error(error);
    return;
  }
  if (ctx.signal.aborted) return;

  const renderSummary = () => {
    const s = submission;
    const publish = h('button', {
      type: 'button',
      class: 'btn btn-primary',
      testid: 'publish-result',
      disabled: s.status === 'published',
      on: {
        click: () =>
          void busy(publish, async () => {
            publishStatus.clear();
            try {
              submission = await publishSubmission(s.id);
              renderSummary();
              publishStatus.show('success', 'Result published: the student can now see it.');
            } catch (error) {
              if (error instanceof ApiError && error.status === 409) {
                publishStatus.show('error', `Cannot publish yet: ${error.problem.detail ?? error.message}`);
              } else {
                publishStatus.error(error);
              }
            }
          }),
      },
    }, s.status === 'published' ? 'Published' : 'Publish result');
    replace(
      summaryBox,
      h(
        'section',
        { class: 'card grading-summary', testid: 'grading-summary' },
        h('p', null, badge(humanize(s.status), s.status === 'published' ? 'success' : s.status === 'awaiting_manual' ? 'warning' : 'info', 'submission-status'), ` Ended as ${humanize(s.sessionStatus)} · submitted ${formatDateTime(s.submittedAt)}`),
        h('p', { class: 'big-score', testid: 'submission-score' }, `${formatNumber(s.score)} / ${formatNumber(s.maxScore)}`, s.percent !== null ? ` (${formatNumber(s.percent)} %)` : ''),
        s.passed === null ? h('p', { class: 'muted' }, 'Pass/fail is known once every answer is graded.') : h('p', null, badge(s.passed ? 'Passed' : 'Not passed', s.passed ? 'success' : 'danger', 'submission-passed')),
        h('div', { class: 'actions' }, publish),
        publishStatus.el,
      ),
    );
    for (const reason of reasonFields) reason.hidden = s.status !== 'published';
    renderHistory();
  };

  const renderHistory = () => {
    const changes = newestFirst(submission.changes);
    const questionIds = (submission.results ?? []).map((r) => r.questionId);
    replace(
      historyBox,
      changes.length === 0
        ? null
        : h(
            'section',
            { class: 'card grade-history', testid: 'grade-history', 'aria-labelledby': 'grade-history-title' },
            h('h2', { id: 'grade-history-title' }, 'Changes after publication'),
            h('p', { class: 'muted' }, 'The student sees when each change was made, the scores before and after, and the reason.'),
            table(
              'Changes after publication',
              ['When', 'By', 'Question', 'Total', 'Reason'],
              changes.map((c) =>
                h(
                  'tr',
                  { testid: 'grade-history-row' },
                  h('td', null, formatDateTime(c.changedAt)),
                  h('td', { testid: 'grade-history-by' }, c.changedByName ?? c.changedBy ?? '—'),
                  h('td', null, describeQuestion(c, questionIds)),
                  h('td', { testid: 'grade-history-total' }, describeTotal(c, submission.maxScore)),
                  h('td', { class: 'preserve', testid: 'grade-history-reason' }, c.reason ?? '—'),
                ),
              ),
            ),
          ),
    );
  };

  const card = (result: QuestionResult, index: number): HTMLElement => {
    const question = questions.get(result.questionId);
    const options = result.type === 'true_false' ? ['true', 'false'] : question?.options ?? null;
    const cardStatus = new StatusLine('grade-status');
    const pending = result.score === null;
    const score = input('number', { min: 0, max: result.points, step: 'any', required: true, props: { value: result.score === null ? '' : String(result.score) } });
    const feedback = h('textarea', { rows: 3, maxlength: 2000, props: { value: result.feedback ?? '' } });
    const reason = h('textarea', { rows: 2, maxlength: 1000 });
    const reasonField = field(reason, { label: 'Reason for the change (shown to the student, optional)', field: 'reason', testid: 'grade-reason' });
    reasonField.hidden = submission.status !== 'published';
    reasonFields.push(reasonField);
    const save = h('button', { type: 'submit', class: 'btn btn-primary btn-small', testid: 'grade-save' }, 'Save grade');
    const form: HTMLFormElement = h(
      'form',
      { class: 'form grade-form', novalidate: true },
      h(
        'div',
        { class: 'grid-2' },
        field(score, { label: `Score (0–${formatNumber(result.points)})`, field: 'score', testid: 'grade-score' }),
        field(feedback, { label: 'Feedback for the student (optional)', field: 'feedback', testid: 'grade-feedback' }),
      ),
      reasonField,
      h('div', { class: 'actions' }, save),
      cardStatus.el,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      cardStatus.clear();
      const value = score.value.trim() === '' ? Number.NaN : Number(score.value);
      if (Number.isNaN(value)) {
        cardStatus.show('error', 'Enter a score.');
        score.focus();
        return;
      }
      void busy(save, async () => {
        try {
          const wasPublished = submission.status === 'published';
          const lastChangeBefore = submission.changes?.at(-1)?.changedAt;
          submission = await gradeQuestion(submission.id, result.questionId, value, feedback.value.trim() || null, wasPublished ? reason.value.trim() || null : null);
          renderSummary();
          // The saved grade shows at once (it used to read "needs grading" until a reload).
          const saved = (submission.results ?? []).find((r) => r.questionId === result.questionId);
          if (saved) showGrade(saved);
          const recorded = submission.changes?.at(-1)?.changedAt !== lastChangeBefore;
          cardStatus.show('success', wasPublished ? (recorded ? 'Grade changed: the change is recorded and shown to the student.' : 'Nothing changed.') : 'Grade saved.');
          if (wasPublished) reason.value = '';
          article.classList.toggle('pending', saved ? saved.score === null : false);
        } catch (error) {
          showFormError(form, cardStatus, error);
        }
      });
    });
    const stateBadge = h('span', { testid: 'grade-state' });
    const gradedMeta = h('p', { class: 'meta', testid: 'grade-result' });
    const showGrade = (r: QuestionResult) => {
      replace(stateBadge, r.score === null ? badge('needs grading', 'warning') : null);
      stateBadge.dataset.state = r.score === null ? 'pending' : 'graded';
      replace(
        gradedMeta,
        r.gradedBy === 'auto' ? `Graded automatically: ${formatQuestionScore(r)}` : r.gradedBy ? `Graded by the teacher: ${formatQuestionScore(r)}` : 'Not graded yet',
      );
      gradedMeta.dataset.verdict = scoreVerdict(r) ?? '';
    };
    showGrade(result);
    const answerText = describeAnswer(result.answer, options);
    const article = h(
      'article',
      { class: `card grade-question${pending ? ' pending' : ''}`, testid: 'grade-question', 'data-question-id': result.questionId, 'aria-labelledby': `gq-${index}` },
      h('h2', { id: `gq-${index}` }, `Question ${index + 1} · ${questionTypeLabel(result.type)} · ${formatNumber(result.points)} ${result.points === 1 ? 'point' : 'points'}`, stateBadge),
      h('p', { class: 'question-text' }, result.text),
      h('div', { class: 'student-answer', testid: 'student-answer' }, h('h3', null, 'Student’s answer'), answerText ? h('p', { class: 'preserve' }, answerText) : h('p', null, h('em', null, 'No answer'))),
      keyText(result, question, options),
      gradedMeta,
      form,
    );
    return article;
  };

  renderSummary();
  const results = submission.results ?? [];
  replace(list, ...results.map(card));
}

function keyText(result: QuestionResult, question: Question | undefined, options: string[] | null): HTMLElement | null {
  if (!question) return null;
  if (result.type === 'short_answer') return h('p', { class: 'meta' }, `Expected answer: ${question.correctText ?? ''}`);
  if (question.correct && question.correct.length) return h('p', { class: 'meta' }, `Correct: ${describeAnswer(question.correct, options)}`);
  return null;
}
