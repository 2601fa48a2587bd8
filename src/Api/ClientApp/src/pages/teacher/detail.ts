// Teacher/admin: one exam — publish, archive, questions, slots (add, delete, proctors) and submissions.

import {
  addSlot,
  archiveExam,
  assignProctor,
  getExam,
  listExamSubmissions,
  listProctors,
  listSlotProctors,
  listSlots,
  publishExam,
  removeSlot,
  unassignProctor,
} from '../../api/endpoints';
import type { Exam, ProctorSummary, Slot, Submission } from '../../api/types';
import { describeAnswer } from '../../lib/answers';
import { auth } from '../../lib/auth';
import { h, replace } from '../../lib/dom';
import { formatDateTime, formatNumber, humanize, localInputToIso, questionTypeLabel, toLocalInputValue } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { clock } from '../../lib/services';
import { StatusLine, badge, busy, clearFieldErrors, confirmDialog, emptyState, field, input, loading, pageHeader, select, showFormError, slotStateBadge, table } from '../../ui/components';
import { EXAM_STATUS_KIND } from './exams';

export async function examDetailPage(ctx: PageContext): Promise<void> {
  const id = ctx.params.id ?? '';
  const admin = auth.role === 'admin';
  const status = new StatusLine('exam-detail-status');
  const container = h('div', { class: 'stack' }, loading());
  const header = pageHeader('Exam');
  ctx.root.append(header, status.el, container);
  if (ctx.query.get('saved')) status.show('success', 'Exam saved.');

  let proctors: ProctorSummary[] | null = null;
  const load = async () => {
    try {
      const [exam, slots, submissions] = await Promise.all([getExam(id), listSlots(id), listExamSubmissions(id).catch(() => null)]);
      if (proctors === null) proctors = await listProctors().catch(() => []);
      if (ctx.signal.aborted) return;
      render(exam, slots, submissions?.items ?? []);
    } catch (error) {
      replace(container);
      status.error(error);
    }
  };

  const render = (exam: Exam, slots: Slot[], submissions: Submission[]) => {
    const h1 = header.querySelector('h1')!;
    replace(h1, h('span', { testid: 'exam-title' }, exam.title));
    const actions: HTMLElement[] = [];
    if (!exam.locked && exam.status !== 'archived') {
      actions.push(h('a', { href: `/teacher/exams/${encodeURIComponent(exam.id)}/edit`, class: 'btn btn-secondary', testid: 'edit-exam' }, 'Edit'));
    }
    if (exam.status === 'draft') {
      const publish = h('button', {
        type: 'button',
        class: 'btn btn-primary',
        testid: 'publish-exam',
        on: {
          click: () =>
            void (async () => {
              // Publishing shows the exam to every student at once, and it cannot be taken back (only archived).
              const ok = await confirmDialog({
                title: 'Publish this exam?',
                message: h(
                  'p',
                  null,
                  `Students will see "${exam.title}" (${exam.questionCount} question${exam.questionCount === 1 ? '' : 's'}, ${formatNumber(exam.totalPoints)} points) and can book its upcoming slots. `,
                  'A published exam cannot return to draft; its questions can still be edited until the first student starts.',
                ),
                confirmLabel: 'Publish',
                testid: 'publish-dialog',
                confirmTestid: 'confirm-publish',
              });
              if (!ok) return;
              await busy(publish, async () => {
                try {
                  await publishExam(exam.id);
                  status.show('success', 'Exam published: students can now book its slots.');
                  await load();
                } catch (error) {
                  status.error(error);
                }
              });
            })(),
        },
      }, 'Publish');
      actions.push(publish);
    }
    if (exam.status !== 'archived') {
      const archive = h('button', {
        type: 'button',
        class: 'btn btn-danger',
        testid: 'archive-exam',
        on: {
          click: () =>
            void (async () => {
              const ok = await confirmDialog({
                title: 'Archive this exam?',
                message: `"${exam.title}" will be hidden from students and its slots closed. Submissions and grades are kept.`,
                confirmLabel: 'Archive',
                danger: true,
                confirmTestid: 'confirm-archive',
              });
              if (!ok) return;
              await busy(archive, async () => {
                try {
                  await archiveExam(exam.id);
                  status.show('success', 'Exam archived.');
                  await load();
                } catch (error) {
                  status.error(error);
                }
              });
            })(),
        },
      }, 'Archive');
      actions.push(archive);
    }

    replace(
      container,
      h(
        'section',
        { class: 'card', testid: 'exam-summary' },
        h('p', null, badge(exam.status, EXAM_STATUS_KIND[exam.status], 'exam-status'), exam.locked ? h('span', { class: 'muted' }, ' · locked (a session has started)') : null),
        exam.description ? h('p', null, exam.description) : null,
        h('p', { class: 'meta' }, `${exam.durationMinutes} minutes · ${exam.questionCount} questions · ${formatNumber(exam.totalPoints)} points · pass mark ${exam.passMarkPercent} %`),
        h('p', { class: 'meta' }, policySummary(exam)),
        h('div', { class: 'actions' }, ...actions, h('a', { href: `/teacher/exams/${encodeURIComponent(exam.id)}/analytics`, class: 'btn btn-secondary', testid: 'open-exam-analytics' }, 'Analytics')),
      ),
      questionsSection(exam),
      slotsSection(exam, slots),
      submissionsSection(submissions),
    );
  };

  const slotsSection = (exam: Exam, slots: Slot[]) => {
    const formStatus = new StatusLine('slot-status');
    const startsAt = input('datetime-local', { required: true, props: { value: toLocalInputValue(clock.now() + 24 * 3600_000) } });
    const capacity = input('number', { min: 1, max: 10000, step: 1, required: true, props: { value: '30' } });
    const addButton = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'add-slot' }, 'Add slot');
    const form: HTMLFormElement = h(
      'form',
      { class: 'form inline-form', novalidate: true, testid: 'slot-form' },
      field(startsAt, { label: 'Starts at (your local time)', field: 'startsAt', testid: 'slot-starts-at' }),
      field(capacity, { label: 'Capacity (seats)', field: 'capacity', testid: 'slot-capacity' }),
      h('div', { class: 'actions' }, addButton),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearFieldErrors(form);
      formStatus.clear();
      const iso = localInputToIso(startsAt.value);
      if (!iso) {
        formStatus.show('error', 'Choose a start date and time.');
        startsAt.focus();
        return;
      }
      void busy(addButton, async () => {
        try {
          await addSlot(exam.id, iso, Number(capacity.value));
          status.show('success', `Slot added for ${formatDateTime(iso)}.`);
          await load();
        } catch (error) {
          showFormError(form, formStatus, error);
        }
      });
    });

    const now = clock.now();
    const rows = [...slots]
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .map((slot) => {
        const cells: HTMLElement[] = [
          h('td', null, formatDateTime(slot.startsAt)),
          h('td', null, formatDateTime(slot.endsAt)),
          h('td', { testid: 'slot-booked' }, `${slot.booked} / ${slot.capacity}`),
          h('td', null, slotStateBadge(slot, now)),
        ];
        const actionCell = h('div', { class: 'row-actions' });
        const del = h('button', {
          type: 'button',
          class: 'btn btn-small btn-secondary',
          testid: 'delete-slot',
          'aria-label': `Delete the slot of ${formatDateTime(slot.startsAt)}`,
          on: {
            click: () =>
              void (async () => {
                const ok = await confirmDialog({ title: 'Delete this slot?', message: `The slot of ${formatDateTime(slot.startsAt)} will be removed. Slots with bookings cannot be deleted.`, confirmLabel: 'Delete slot', danger: true, confirmTestid: 'confirm-delete-slot' });
                if (!ok) return;
                await busy(del, async () => {
                  try {
                    await removeSlot(exam.id, slot.id);
                    status.show('success', 'Slot deleted.');
                    await load();
                  } catch (error) {
                    status.error(error);
                  }
                });
              })(),
          },
        }, 'Delete');
        actionCell.append(del);
        if (admin) {
          actionCell.append(' ', h('a', { href: `/proctor/rooms/${encodeURIComponent(slot.id)}`, class: 'btn btn-small btn-secondary', testid: 'monitor-slot' }, 'Monitor'));
        }

        cells.push(h('td', null, slotProctors(slot, exam.status !== 'archived' && (slot.isOpen || exam.status === 'draft'))));
        return h('tr', { testid: 'slot-row', 'data-slot-id': slot.id }, ...cells, h('td', null, actionCell));
      });

    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'slots-title', testid: 'slots-section' },
      h('h2', { id: 'slots-title' }, 'Slots'),
      rows.length ? table('Slots', ['Starts', 'Ends', 'Booked', 'State', 'Proctors', 'Actions'], rows) : emptyState('No slots yet.'),
      exam.status !== 'archived' ? h('h3', null, 'Add a slot') : null,
      exam.status !== 'archived' ? formStatus.el : null,
      exam.status !== 'archived' ? form : null,
    );
  };

  /**
   * The proctors of one slot (GET /api/slots/{slotId}/proctors), each with an Unassign button, and the picker
   * to assign another; the list is reloaded after every change and errors show in the slot's own status line.
   */
  const slotProctors = (slot: Slot, manageable: boolean): HTMLElement => {
    const when = formatDateTime(slot.startsAt);
    const slotStatus = new StatusLine('slot-proctors-status');
    const list = h('div', { class: 'slot-proctors', tabindex: '-1', testid: 'slot-proctors', 'aria-busy': 'true' }, h('span', { class: 'muted' }, 'Loading proctors…'));
    const picker = select([['', 'Choose a proctor…']], '', {});
    const assign = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'assign-proctor', 'aria-label': `Assign the chosen proctor to the slot of ${when}` }, 'Assign');
    let assigned: ProctorSummary[] = [];

    const fillPicker = () => {
      const taken = new Set(assigned.map((p) => p.id));
      const keep = picker.value;
      const choices = (proctors ?? []).filter((p) => !taken.has(p.id));
      replace(picker, h('option', { value: '' }, choices.length ? 'Choose a proctor…' : 'No other proctor available'), ...choices.map((p) => h('option', { value: p.id }, `${p.name} (${p.email})`)));
      picker.value = choices.some((p) => p.id === keep) ? keep : '';
    };

    const renderList = () => {
      list.removeAttribute('aria-busy');
      if (assigned.length === 0) {
        replace(list, h('span', { class: 'muted', testid: 'no-slot-proctors' }, 'No proctor assigned'));
        return;
      }
      replace(
        list,
        h(
          'ul',
          { class: 'proctor-list', 'aria-label': `Proctors of the slot of ${when}` },
          ...assigned.map((p) => {
            const unassign = h('button', {
              type: 'button',
              class: 'btn btn-small btn-secondary',
              testid: 'unassign-proctor',
              'aria-label': `Unassign ${p.name} from the slot of ${when}`,
              on: {
                click: () =>
                  void busy(unassign, async () => {
                    try {
                      await unassignProctor(slot.id, p.id);
                      slotStatus.show('success', `${p.name} no longer supervises this slot.`);
                    } catch (error) {
                      slotStatus.error(error);
                    }
                    await refresh();
                    // The button is gone: keep keyboard users in the same place.
                    (manageable ? picker : list).focus();
                  }),
              },
            }, 'Unassign');
            return h(
              'li',
              { testid: 'slot-proctor', 'data-proctor-id': p.id },
              h('span', { testid: 'slot-proctor-name' }, p.name),
              ' ',
              h('span', { class: 'muted' }, `(${p.email})`),
              manageable ? [' ', unassign] : null,
            );
          }),
        ),
      );
    };

    const refresh = async () => {
      try {
        assigned = await listSlotProctors(slot.id);
        if (ctx.signal.aborted) return;
        renderList();
        fillPicker();
      } catch (error) {
        list.removeAttribute('aria-busy');
        replace(list, h('span', { class: 'muted' }, 'The proctors could not be loaded.'));
        slotStatus.error(error);
      }
    };

    assign.addEventListener('click', () => {
      if (!picker.value) {
        slotStatus.show('error', 'Choose a proctor to assign.');
        picker.focus();
        return;
      }
      const chosen = picker.value;
      const name = (proctors ?? []).find((p) => p.id === chosen)?.name ?? 'The proctor';
      void busy(assign, async () => {
        try {
          await assignProctor(slot.id, chosen);
          picker.value = '';
          status.show('success', `${name} now supervises the slot of ${when}.`);
          slotStatus.show('success', `${name} assigned.`);
        } catch (error) {
          slotStatus.error(error);
        }
        await refresh();
      });
    });

    void refresh();
    return h(
      'div',
      { class: 'slot-proctors-cell' },
      list,
      manageable ? h('div', { class: 'proctor-picker' }, field(picker, { label: 'Add a proctor', testid: 'assign-proctor-select', class: 'compact' }), assign) : null,
      slotStatus.el,
    );
  };

  await load();
}

function policySummary(exam: Exam): string {
  const p = exam.proctoring;
  if (!p) {
    return 'thresholds not shown';
  }
  return [
    p.webcamRequired ? 'webcam required' : 'webcam optional',
    p.shuffleQuestions ? 'questions shuffled' : 'fixed question order',
    `no face ${p.noFaceSeconds} s`,
    `looking away ${p.lookingAwaySeconds} s (yaw ${p.lookingAwayYaw})`,
    `${p.multipleFacesFrames} frames multiple faces`,
    `${p.objectFrames} frames object`,
    `${p.maxTabSwitches} tab switches`,
    `camera timeout ${p.frameTimeoutSeconds} s`,
  ].join(' · ');
}

function questionsSection(exam: Exam): HTMLElement {
  const questions = exam.questions ?? [];
  return h(
    'details',
    { class: 'card', testid: 'questions-preview' },
    h('summary', null, `Questions (${questions.length})`),
    questions.length === 0
      ? emptyState('No questions yet.')
      : h(
          'ol',
          { class: 'question-preview-list' },
          ...questions.map((q) =>
            h(
              'li',
              null,
              h('p', null, h('strong', null, q.text)),
              h('p', { class: 'meta' }, `${questionTypeLabel(q.type)} · ${formatNumber(q.points)} ${q.points === 1 ? 'point' : 'points'}`),
              q.options && q.options.length ? h('ul', null, ...q.options.map((o, i) => h('li', null, o, q.correct?.includes(i) ? ' ✓ (correct)' : ''))) : null,
              q.type === 'true_false' ? h('p', null, `Correct: ${describeAnswer(q.correct ?? [], ['true', 'false'])}`) : null,
              q.type === 'short_answer' ? h('p', null, `Expected: ${q.correctText ?? ''}`) : null,
            ),
          ),
        ),
  );
}

function submissionsSection(submissions: Submission[]): HTMLElement {
  const rows = [...submissions]
    .sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt))
    .map((s) =>
      h(
        'tr',
        { testid: 'submission-row', 'data-submission-id': s.id },
        h('td', null, s.studentName),
        h('td', null, formatDateTime(s.submittedAt)),
        h('td', null, humanize(s.sessionStatus)),
        h('td', { testid: 'submission-status' }, badge(humanize(s.status), s.status === 'published' ? 'success' : s.status === 'awaiting_manual' ? 'warning' : 'info')),
        h('td', null, `${formatNumber(s.score)} / ${formatNumber(s.maxScore)}`),
        h('td', null, h('a', { href: `/teacher/submissions/${encodeURIComponent(s.id)}`, testid: 'open-grading' }, s.status === 'published' ? 'View' : 'Grade')),
      ),
    );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'subs-title', testid: 'submissions-section' },
    h('h2', { id: 'subs-title' }, 'Submissions'),
    rows.length ? table('Submissions', ['Student', 'Submitted', 'Ended as', 'Grading', 'Score', ''], rows) : emptyState('No submissions yet.'),
  );
}

