// Student: my submissions; scores and per-question feedback once the teacher has published them.

import { getSession, getSubmission, mySubmissions } from '../../api/endpoints';
import type { Submission, SubmissionStatus } from '../../api/types';
import { describeAnswer } from '../../lib/answers';
import { h, replace } from '../../lib/dom';
import { formatDateTime, formatNumber, formatQuestionScore, humanize, questionTypeLabel, scoreVerdict } from '../../lib/format';
import { describeQuestion, describeTotal, newestFirst } from '../../lib/grade-changes';
import type { PageContext } from '../../lib/router';
import { StatusLine, badge, emptyState, loading, pageHeader, table } from '../../ui/components';

const STATUS_TEXT: Record<SubmissionStatus, string> = {
  auto_graded: 'Being reviewed',
  awaiting_manual: 'Awaiting grading',
  graded: 'Graded, not yet published',
  published: 'Published',
};

export async function resultsPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine();
  const container = h('div', { testid: 'results-list' }, loading());
  ctx.root.append(pageHeader('My results', h('p', { class: 'lead' }, 'Scores appear once your teacher publishes them. ', h('a', { href: '/analytics/me', testid: 'open-my-analytics' }, 'My analytics'), '.')), status.el, container);
  try {
    const page = await mySubmissions();
    if (ctx.signal.aborted) return;
    if (page.items.length === 0) {
      replace(container, emptyState('You have no submitted exams yet.'));
      return;
    }
    const rows = page.items
      .sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt))
      .map((s) => {
        const published = s.status === 'published';
        return h(
          'tr',
          { testid: 'result-row', 'data-submission-id': s.id },
          h('td', null, s.examTitle),
          h('td', null, formatDateTime(s.submittedAt)),
          h(
            'td',
            { testid: 'result-status' },
            badge(STATUS_TEXT[s.status], published ? 'success' : 'neutral'),
            s.sessionStatus === 'submitted' ? null : h('span', { class: 'muted' }, ` (${humanize(s.sessionStatus)})`),
            published && s.changes?.length ? [' ', badge('Grade changed', 'warning', 'result-changed')] : null,
          ),
          h('td', { testid: 'result-score' }, published ? `${formatNumber(s.score)} / ${formatNumber(s.maxScore)} (${formatNumber(s.percent)} %)` : '—'),
          h('td', null, published ? h('a', { href: `/results/${encodeURIComponent(s.id)}`, testid: 'open-result' }, 'Details') : null),
        );
      });
    replace(container, table('My results', ['Exam', 'Submitted', 'Status', 'Score', ''], rows));
  } catch (error) {
    replace(container);
    status.error(error);
  }
}

export async function resultPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine();
  const container = h('div', null, loading());
  const header = pageHeader('Result');
  ctx.root.append(header, status.el, container);
  try {
    const submission = await getSubmission(ctx.params.id ?? '');
    if (ctx.signal.aborted) return;
    header.querySelector('h1')!.textContent = `Result: ${submission.examTitle}`;
    if (submission.status !== 'published' || !submission.results) {
      replace(container, emptyState('This result has not been published yet.'));
      return;
    }
    // Option texts for choice answers come from the student's view of the session (no keys there).
    const options = new Map<string, string[] | null>();
    try {
      const session = await getSession(submission.sessionId);
      for (const q of session.questions ?? []) options.set(q.id, q.options);
    } catch {
      // Without the session the indexes are shown as "option n".
    }
    const questionIds = submission.results.map((r) => r.questionId);
    replace(container, summary(submission), changesNotice(submission, questionIds), ...submission.results.map((r, i) =>
      h(
        'article',
        { class: 'card result-question', testid: 'result-question', 'data-question-id': r.questionId },
        h('h2', null, `Question ${i + 1} · ${questionTypeLabel(r.type)}`),
        h('p', { class: 'question-text' }, r.text),
        h('p', { class: 'preserve', testid: 'question-answer' }, h('strong', null, 'Your answer: '), r.answer === null || r.answer === undefined || describeAnswer(r.answer, options.get(r.questionId)) === '' ? h('em', null, 'no answer') : describeAnswer(r.answer, options.get(r.questionId))),
        h('p', { testid: 'question-score', 'data-verdict': scoreVerdict(r) ?? undefined }, h('strong', null, 'Score: '), formatQuestionScore(r)),
        r.feedback ? h('p', { class: 'feedback', testid: 'question-feedback' }, h('strong', null, 'Feedback: '), r.feedback) : null,
      ),
    ));
  } catch (error) {
    replace(container);
    status.error(error);
  }
}

function summary(s: Submission): HTMLElement {
  return h(
    'section',
    { class: 'card result-summary', testid: 'result-summary' },
    h('p', { class: 'big-score', testid: 'result-score' }, `${formatNumber(s.score)} / ${formatNumber(s.maxScore)}`),
    h('p', { testid: 'result-percent' }, `${formatNumber(s.percent)} %`),
    s.passed === null ? null : h('p', { testid: 'result-passed' }, badge(s.passed ? 'Passed' : 'Not passed', s.passed ? 'success' : 'danger')),
    h('p', { class: 'meta' }, `Submitted ${formatDateTime(s.submittedAt)} · published ${formatDateTime(s.publishedAt)}`),
  );
}

/** Changes the teacher made after publication: when, old → new and why (docs/grading.md). Nothing when there were none. */
function changesNotice(s: Submission, questionIds: readonly string[]): HTMLElement | null {
  const changes = newestFirst(s.changes);
  if (changes.length === 0) return null;
  return h(
    'section',
    { class: 'card notice notice-warning grade-changes', testid: 'grade-changes', role: 'status', 'aria-labelledby': 'grade-changes-title' },
    h('h2', { id: 'grade-changes-title' }, changes.length === 1 ? 'Your grade was changed after it was published' : `Your grade was changed ${changes.length} times after it was published`),
    h(
      'ul',
      null,
      ...changes.map((c) =>
        h(
          'li',
          { testid: 'grade-change' },
          h('strong', null, formatDateTime(c.changedAt)),
          ': score ',
          h('span', { testid: 'grade-change-total' }, describeTotal(c, s.maxScore)),
          ' · ',
          describeQuestion(c, questionIds),
          c.reason ? h('p', { class: 'preserve', testid: 'grade-change-reason' }, h('strong', null, 'Reason: '), c.reason) : null,
        ),
      ),
    ),
  );
}
