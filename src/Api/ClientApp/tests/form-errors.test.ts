import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, GENERIC_VALIDATION_TITLE } from '../src/api/client';
import { h } from '../src/lib/dom';
import { StatusLine, field, input, showFormError } from '../src/ui/components';

// The issue-17 rule: a form shows the field messages only, never ASP.NET's generic validation title; a problem
// with no field errors (or none this form can place) still says what is wrong in the status line.

function renderForm() {
  const title = input('text');
  const duration = input('number');
  const form = h(
    'form',
    null,
    field(title, { label: 'Title', field: 'title' }),
    field(duration, { label: 'Duration (minutes)', field: 'durationMinutes' }),
    // A group error with no control of its own, as the exam editor has for a question's correct answers.
    h('div', { 'data-field': 'questions[0].correct' }, h('p', { class: 'field-error' })),
  );
  const status = new StatusLine();
  document.body.append(status.el, form);
  return { form, status, title, duration };
}

const validation = (errors: Record<string, string[]>, detail = 'The request is invalid.') =>
  new ApiError(400, { status: 400, title: GENERIC_VALIDATION_TITLE, detail, errors });

const errorText = (form: HTMLElement, key: string) =>
  form.querySelector<HTMLElement>(`[data-field="${key}"] .field-error`)?.textContent;

afterEach(() => document.body.replaceChildren());

describe('showFormError', () => {
  it('puts field messages next to their fields and shows no banner', () => {
    const { form, status, title, duration } = renderForm();
    status.show('error', 'an earlier error');

    showFormError(form, status, validation({ Title: ['Required.'], durationMinutes: ['Must be between 1 and 600.'] }));

    expect(errorText(form, 'title')).toBe('Required.');
    expect(errorText(form, 'durationMinutes')).toBe('Must be between 1 and 600.');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(duration.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(title);
    expect(status.el.textContent).toBe('');
    expect(document.body.textContent).not.toContain(GENERIC_VALIDATION_TITLE);
  });

  it('shows only the messages no field could take, with their key, in the status line', () => {
    const { form, status } = renderForm();

    showFormError(form, status, validation({ title: ['Required.'], 'slots[2].capacity': ['Must be between 1 and 500.'] }));

    expect(errorText(form, 'title')).toBe('Required.');
    expect(status.el.textContent).toBe('slots[2].capacity: Must be between 1 and 500.');
    expect(status.el.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('focuses a message that has no control, so that it is seen and read out', () => {
    const { form, status } = renderForm();

    showFormError(form, status, validation({ 'questions[0].correct': ['Choose at least one correct option.'] }));

    const slot = form.querySelector<HTMLElement>('[data-field="questions[0].correct"] .field-error')!;
    expect(slot.textContent).toBe('Choose at least one correct option.');
    expect(document.activeElement).toBe(slot);
    expect(status.el.textContent).toBe('');
  });

  it("shows the server's own message for a validation problem without field errors", () => {
    const { form, status } = renderForm();

    showFormError(form, status, validation({}, 'The slot starts before the exam is published.'));

    expect(status.el.textContent).toBe('The slot starts before the exam is published.');
  });

  it('clears the field messages of an earlier attempt when the next error has none', () => {
    const { form, status, title } = renderForm();
    showFormError(form, status, validation({ title: ['Required.'] }));

    showFormError(form, status, new ApiError(409, { status: 409, title: 'Conflict.', detail: 'The exam is archived.' }));

    expect(errorText(form, 'title')).toBe('');
    expect(title.hasAttribute('aria-invalid')).toBe(false);
    expect(status.el.textContent).toBe('Conflict: The exam is archived.');
  });

  it('says nothing when the session expired (the app is already on its way to sign-in)', () => {
    const { form, status } = renderForm();

    showFormError(form, status, new ApiError(401, { title: 'Your session has expired, please sign in again' }, true));

    expect(status.el.textContent).toBe('');
  });
});

describe('ApiError messages for pages without a form', () => {
  it('replaces the generic validation title by the detail, or else by the field messages', () => {
    expect(validation({}, 'Choose a future time.').message).toBe('Choose a future time.');
    expect(validation({ minutes: ['Must be between 1 and 120.'] }).message).toBe('minutes: Must be between 1 and 120.');
    expect(validation({}).message).toBe(GENERIC_VALIDATION_TITLE);
  });

  it('keeps the title of other problems', () => {
    expect(new ApiError(404, { title: 'Not found.', detail: 'No such exam.' }).message).toBe('Not found: No such exam.');
    expect(new ApiError(400, { title: 'The request body is not valid JSON for this endpoint.', errors: { body: ['x'] } }).message).toBe(
      'The request body is not valid JSON for this endpoint.',
    );
  });
});
