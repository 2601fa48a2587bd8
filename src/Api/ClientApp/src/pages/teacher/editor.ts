// Teacher: create or edit an exam — details, proctoring policy and questions of every type.

import { createExam, getExam, updateExam } from '../../api/endpoints';
import { QUESTION_TYPES, type ProctoringPolicy, type QuestionType } from '../../api/types';
import { h, replace, uid } from '../../lib/dom';
import {
  DEFAULT_POLICY,
  changeType,
  draftFromExam,
  emptyDraft,
  moveQuestion,
  newQuestion,
  removeOption,
  setCorrect,
  toRequest,
  type DraftQuestion,
  type ExamDraft,
} from '../../lib/exam-draft';
import { questionTypeLabel } from '../../lib/format';
import { navigate } from '../../lib/navigation';
import type { PageContext } from '../../lib/router';
import { StatusLine, busy, clearFieldErrors, field, input, loading, notice, pageHeader, select, showFormError } from '../../ui/components';

interface PolicyField {
  key: keyof ProctoringPolicy;
  label: string;
  hint: string;
  kind: 'int' | 'decimal' | 'bool';
  min?: number;
  max?: number;
  step?: string;
}

const POLICY_FIELDS: PolicyField[] = [
  { key: 'webcamRequired', label: 'Webcam required', hint: 'Frames are expected during the whole exam; a stopped camera is a critical anomaly.', kind: 'bool' },
  { key: 'shuffleQuestions', label: 'Shuffle questions', hint: 'Each student gets the questions in their own order.', kind: 'bool' },
  { key: 'noFaceSeconds', label: 'No face for (seconds)', hint: 'No face visible this long raises “no face” (1–300).', kind: 'int', min: 1, max: 300 },
  { key: 'lookingAwaySeconds', label: 'Looking away for (seconds)', hint: 'Head turned away this long raises “looking away” (1–300).', kind: 'int', min: 1, max: 300 },
  { key: 'lookingAwayYaw', label: 'Looking-away threshold (yaw)', hint: 'Head-turn measure from which a student counts as looking away (0 = facing the camera; 0.1–2).', kind: 'decimal', min: 0.1, max: 2, step: '0.05' },
  { key: 'multipleFacesFrames', label: 'Multiple faces (frames)', hint: 'Consecutive frames with several faces before an alert (2–50; one frame never decides).', kind: 'int', min: 2, max: 50 },
  { key: 'objectFrames', label: 'Forbidden object (frames)', hint: 'Consecutive frames showing a phone, book, laptop or a second person before an alert (2–50).', kind: 'int', min: 2, max: 50 },
  { key: 'maxTabSwitches', label: 'Tab switches tolerated', hint: 'Beyond this, leaving the tab becomes a high-severity anomaly (0–100).', kind: 'int', min: 0, max: 100 },
  { key: 'frameTimeoutSeconds', label: 'Camera timeout (seconds)', hint: 'No frame for this long counts as the camera stopped (5–600).', kind: 'int', min: 5, max: 600 },
];

export async function examEditorPage(ctx: PageContext): Promise<void> {
  const id = ctx.params.id;
  const status = new StatusLine('editor-status');
  const header = pageHeader(id ? 'Edit exam' : 'New exam');
  ctx.root.append(header, status.el);

  let draft: ExamDraft;
  if (id) {
    const placeholder = loading();
    ctx.root.append(placeholder);
    try {
      const exam = await getExam(id);
      if (ctx.signal.aborted) return;
      placeholder.remove();
      if (exam.locked || exam.status === 'archived') {
        ctx.root.append(
          notice('warning', exam.status === 'archived' ? 'This exam is archived and can no longer be edited.' : 'A session of this exam has started: its questions can no longer change.', 'exam-locked'),
          h('p', null, h('a', { href: `/teacher/exams/${encodeURIComponent(id)}` }, 'Back to the exam')),
        );
        return;
      }
      draft = draftFromExam(exam);
      header.querySelector('h1')!.textContent = `Edit: ${exam.title}`;
    } catch (error) {
      placeholder.remove();
      status.error(error);
      return;
    }
  } else {
    draft = emptyDraft();
  }

  const questionsBox = h('div', { class: 'stack', testid: 'question-list' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'save-exam' }, id ? 'Save changes' : 'Create exam');

  // ---- Details
  const title = input('text', { maxlength: 200, required: true, props: { value: draft.title }, on: { input: () => (draft.title = title.value) } });
  const description = h('textarea', { rows: 3, props: { value: draft.description }, on: { input: () => (draft.description = description.value) } });
  const duration = input('number', { min: 1, max: 600, step: 1, required: true, props: { value: String(draft.durationMinutes) }, on: { input: () => (draft.durationMinutes = toNumber(duration.value)) } });
  const passMark = input('number', { min: 0, max: 100, step: 'any', props: { value: String(draft.passMarkPercent) }, on: { input: () => (draft.passMarkPercent = toNumber(passMark.value)) } });

  // ---- Policy
  const policyFields = POLICY_FIELDS.map((pf) => {
    const value = draft.proctoring[pf.key];
    if (pf.kind === 'bool') {
      const box = input('checkbox', { props: { checked: Boolean(value) }, on: { change: () => ((draft.proctoring as unknown as Record<string, unknown>)[pf.key] = box.checked) } });
      return field(box, { label: pf.label, hint: pf.hint, field: `proctoring.${pf.key}`, testid: `policy-${pf.key}` });
    }
    const num = input('number', {
      min: pf.min,
      max: pf.max,
      step: pf.step ?? '1',
      props: { value: String(value) },
      on: { input: () => ((draft.proctoring as unknown as Record<string, unknown>)[pf.key] = toNumber(num.value)) },
    });
    return field(num, { label: pf.label, hint: `${pf.hint} Default ${String(DEFAULT_POLICY[pf.key])}.`, field: `proctoring.${pf.key}`, testid: `policy-${pf.key}` });
  });

  const addType = select(QUESTION_TYPES.map((t) => [t, questionTypeLabel(t)] as const), 'single_choice', { testid: 'add-question-type' });
  const addButton = h('button', {
    type: 'button',
    class: 'btn btn-secondary',
    testid: 'add-question',
    on: {
      click: () => {
        draft.questions.push(newQuestion(addType.value as QuestionType));
        renderQuestions();
        focusIn(questionsBox.lastElementChild, 'textarea');
      },
    },
  }, 'Add question');

  const form: HTMLFormElement = h(
    'form',
    { class: 'form editor', novalidate: true, testid: 'exam-form' },
    h(
      'fieldset',
      { class: 'card' },
      h('legend', null, 'Exam'),
      field(title, { label: 'Title', field: 'title', testid: 'exam-title-input' }),
      field(description, { label: 'Description (optional)', field: 'description', testid: 'exam-description-input' }),
      h(
        'div',
        { class: 'grid-2' },
        field(duration, { label: 'Duration (minutes)', field: 'durationMinutes', hint: '1 to 600.', testid: 'exam-duration' }),
        field(passMark, { label: 'Pass mark (%)', field: 'passMarkPercent', hint: '0 to 100, default 60.', testid: 'exam-passmark' }),
      ),
    ),
    h('fieldset', { class: 'card', testid: 'policy-fields' }, h('legend', null, 'Proctoring policy'), h('div', { class: 'grid-2' }, ...policyFields)),
    h('section', { class: 'questions-section', 'aria-labelledby': 'questions-title' }, h('h2', { id: 'questions-title' }, 'Questions'), h('div', { 'data-field': 'questions' }, h('p', { class: 'field-error', testid: 'error-questions' })), questionsBox, h('div', { class: 'actions add-question' }, field(addType, { label: 'Type of the new question' }), addButton)),
    h('div', { class: 'actions sticky-actions' }, save, h('a', { href: id ? `/teacher/exams/${encodeURIComponent(id)}` : '/teacher/exams', class: 'btn btn-secondary', testid: 'cancel-edit' }, 'Cancel')),
  );

  const renderQuestions = () => {
    replace(questionsBox, ...draft.questions.map((q, i) => questionEditor(q, i)));
  };

  const update = (index: number, next: DraftQuestion, rerender = true) => {
    draft.questions[index] = next;
    if (rerender) renderQuestions();
  };

  const questionEditor = (q: DraftQuestion, index: number): HTMLElement => {
    const prefix = `questions[${index}]`;
    const headingId = uid('qh');
    const type = select(QUESTION_TYPES.map((t) => [t, questionTypeLabel(t)] as const), q.type, {
      on: {
        change: () => {
          update(index, changeType(draft.questions[index]!, type.value as QuestionType));
          focusIn(questionsBox.children[index] ?? null, 'select');
        },
      },
    });
    const text = h('textarea', { rows: 2, props: { value: q.text }, on: { input: () => (draft.questions[index]!.text = text.value) } });
    const points = input('number', { min: 0.01, step: 'any', props: { value: String(q.points) }, on: { input: () => (draft.questions[index]!.points = toNumber(points.value)) } });

    let keyEditor: HTMLElement | null = null;
    if (q.type === 'single_choice' || q.type === 'multiple_choice') {
      const single = q.type === 'single_choice';
      const group = `correct-${q.key}`;
      keyEditor = h(
        'fieldset',
        { class: 'options-editor', 'data-field': `${prefix}.options`, testid: 'options-editor' },
        h('legend', null, single ? 'Options (mark the one correct answer)' : 'Options (mark every correct answer)'),
        ...q.options.map((option, oi) => {
          const optionInput = input('text', {
            testid: 'option-text',
            'aria-label': `Option ${oi + 1}`,
            props: { value: option },
            on: { input: () => (draft.questions[index]!.options[oi] = optionInput.value) },
          });
          const correctId = uid('c');
          const correct = input(single ? 'radio' : 'checkbox', {
            id: correctId,
            name: group,
            testid: 'option-correct',
            props: { checked: q.correct.includes(oi) },
            on: { change: () => update(index, setCorrect(draft.questions[index]!, oi, correct.checked), !single ? false : true) },
          });
          return h(
            'div',
            { class: 'option-row', testid: 'option-row', 'data-field': `${prefix}.options[${oi}]` },
            h('span', { class: 'option-correct' }, correct, h('label', { for: correctId }, 'Correct', h('span', { class: 'visually-hidden' }, ` (option ${oi + 1})`))),
            optionInput,
            h('button', {
              type: 'button',
              class: 'btn btn-small btn-secondary',
              testid: 'remove-option',
              disabled: q.options.length <= 2,
              'aria-label': `Remove option ${oi + 1}`,
              on: {
                click: () => {
                  update(index, removeOption(draft.questions[index]!, oi));
                  focusIn(questionsBox.children[index] ?? null, '[data-testid="option-text"]');
                },
              },
            }, 'Remove'),
            h('p', { class: 'field-error option-error' }),
          );
        }),
        h('button', {
          type: 'button',
          class: 'btn btn-small btn-secondary',
          testid: 'add-option',
          disabled: q.options.length >= 20,
          on: {
            click: () => {
              const current = draft.questions[index]!;
              update(index, { ...current, options: [...current.options, ''] });
              const inputs = questionsBox.children[index]?.querySelectorAll<HTMLInputElement>('[data-testid="option-text"]');
              inputs?.[inputs.length - 1]?.focus();
            },
          },
        }, 'Add option'),
        h('p', { class: 'field-error' }),
        h('div', { 'data-field': `${prefix}.correct` }, h('p', { class: 'field-error' })),
      );
    } else if (q.type === 'true_false') {
      const group = `tf-${q.key}`;
      keyEditor = h(
        'fieldset',
        { class: 'options-editor', 'data-field': `${prefix}.correct` },
        h('legend', null, 'Correct answer'),
        ...['true', 'false'].map((label, oi) => {
          const idTf = uid('tf');
          const radio = input('radio', { id: idTf, name: group, testid: 'tf-correct', value: label, props: { checked: q.correct.includes(oi) }, on: { change: () => update(index, setCorrect(draft.questions[index]!, oi, true), false) } });
          return h('div', { class: 'option' }, radio, h('label', { for: idTf }, label === 'true' ? 'True' : 'False'));
        }),
        h('p', { class: 'field-error' }),
      );
    } else if (q.type === 'short_answer') {
      const expected = input('text', { props: { value: q.correctText }, on: { input: () => (draft.questions[index]!.correctText = expected.value) } });
      keyEditor = field(expected, { label: 'Expected answer', hint: 'Compared with the student’s answer (see docs/grading.md); you can regrade by hand.', field: `${prefix}.correctText`, testid: 'question-correct-text' });
    } else {
      keyEditor = h('p', { class: 'muted' }, 'Essays are graded by hand after submission.');
    }

    const count = draft.questions.length;
    return h(
      'article',
      { class: 'card question-editor', testid: 'question-editor', 'aria-labelledby': headingId, 'data-index': String(index) },
      h(
        'div',
        { class: 'question-editor-head' },
        h('h3', { id: headingId }, `Question ${index + 1}`),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'move-question-up', disabled: index === 0, 'aria-label': `Move question ${index + 1} up`, on: { click: () => { draft.questions = moveQuestion(draft.questions, index, index - 1); renderQuestions(); focusIn(questionsBox.children[index - 1] ?? null, '[data-testid="move-question-up"]:not([disabled]), [data-testid="move-question-down"]'); } } }, '↑ Up'),
          h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'move-question-down', disabled: index === count - 1, 'aria-label': `Move question ${index + 1} down`, on: { click: () => { draft.questions = moveQuestion(draft.questions, index, index + 1); renderQuestions(); focusIn(questionsBox.children[index + 1] ?? null, '[data-testid="move-question-down"]:not([disabled]), [data-testid="move-question-up"]'); } } }, '↓ Down'),
          h('button', { type: 'button', class: 'btn btn-small btn-danger', testid: 'remove-question', 'aria-label': `Remove question ${index + 1}`, on: { click: () => { draft.questions.splice(index, 1); renderQuestions(); addButton.focus(); } } }, 'Remove'),
        ),
      ),
      h(
        'div',
        { class: 'grid-2' },
        field(type, { label: 'Type', field: `${prefix}.type`, testid: 'question-type' }),
        field(points, { label: 'Points', field: `${prefix}.points`, testid: 'question-points' }),
      ),
      field(text, { label: 'Question', field: `${prefix}.text`, testid: 'question-text-input' }),
      keyEditor,
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.clear();
    clearFieldErrors(form);
    void busy(save, async () => {
      try {
        const body = toRequest(draft);
        const exam = id ? await updateExam(id, body) : await createExam(body);
        navigate(`/teacher/exams/${encodeURIComponent(exam.id)}?saved=1`);
      } catch (error) {
        showFormError(form, status, error);
      }
    });
  });

  renderQuestions();
  ctx.root.append(form);
}

function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

function focusIn(container: Element | null, selector: string): void {
  container?.querySelector<HTMLElement>(selector)?.focus();
}
