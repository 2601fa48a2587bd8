// Teacher: my exams (admins: all exams).

import { listExams } from '../../api/endpoints';
import type { ExamStatus } from '../../api/types';
import { auth } from '../../lib/auth';
import { h, replace } from '../../lib/dom';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { StatusLine, badge, emptyState, loading, pageHeader, table } from '../../ui/components';

export const EXAM_STATUS_KIND: Record<ExamStatus, string> = { draft: 'info', published: 'success', archived: 'neutral' };

export async function teacherExamsPage(ctx: PageContext): Promise<void> {
  const admin = auth.role === 'admin';
  const status = new StatusLine();
  const container = h('div', { testid: 'teacher-exam-list' }, loading());
  ctx.root.append(
    pageHeader(
      admin ? 'All exams' : 'My exams',
      h('p', { class: 'actions' }, h('a', { href: '/teacher/exams/new', class: 'btn btn-primary', testid: 'new-exam' }, 'New exam')),
    ),
    status.el,
    container,
  );
  try {
    const page = await listExams();
    if (ctx.signal.aborted) return;
    if (page.items.length === 0) {
      replace(container, emptyState('No exams yet. Create your first one with “New exam”.'));
      return;
    }
    const rows = page.items
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
      .map((exam) =>
        h(
          'tr',
          { testid: 'exam-row', 'data-exam-id': exam.id },
          h('td', null, h('a', { href: `/teacher/exams/${encodeURIComponent(exam.id)}`, testid: 'open-exam' }, exam.title)),
          h('td', { testid: 'exam-status' }, badge(exam.status, EXAM_STATUS_KIND[exam.status]), exam.locked ? h('span', { class: 'muted' }, ' · locked') : null),
          h('td', null, String(exam.questionCount)),
          h('td', null, formatNumber(exam.totalPoints)),
          h('td', null, `${exam.durationMinutes} min`),
          h('td', null, formatDateTime(exam.updatedAt)),
        ),
      );
    replace(container, table(admin ? 'All exams' : 'My exams', ['Title', 'Status', 'Questions', 'Points', 'Duration', 'Last change'], rows));
  } catch (error) {
    replace(container);
    status.error(error);
  }
}
