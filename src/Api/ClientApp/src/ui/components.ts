// Shared UI pieces: headings, notices, form fields with server-side errors, dialogs, tables.

import { ApiError } from '../api/client';
import { h, replace, uid, type Child, type Props } from '../lib/dom';
import { slotStateLabel, type SlotTimes } from '../lib/slot-state';

/** The page heading; focused on navigation. */
export function pageHeader(title: string, ...extra: Child[]): HTMLElement {
  return h('header', { class: 'page-header' }, h('h1', { tabindex: '-1', testid: 'page-title' }, title), ...extra);
}

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

/** A message box. Errors and warnings are role=alert (assertive); others role=status (polite). */
export function notice(kind: NoticeKind, message: Child, testid?: string): HTMLElement {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' || kind === 'warning' ? 'alert' : 'status', testid }, message);
}

/** A live region that shows one message at a time (for results of actions on the page). */
export class StatusLine {
  readonly el: HTMLElement;

  constructor(testid = 'page-status') {
    this.el = h('div', { class: 'status-line', testid, 'aria-live': 'polite', 'aria-atomic': 'true' });
  }

  show(kind: NoticeKind, message: string): void {
    replace(this.el, notice(kind, message));
  }

  error(error: unknown): void {
    if (error instanceof ApiError && error.sessionExpired) return;
    this.show('error', errorMessage(error));
  }

  clear(): void {
    this.el.replaceChildren();
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function loading(label = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status', testid: 'loading' }, label);
}

export function emptyState(message: string, testid = 'empty-state'): HTMLElement {
  return h('p', { class: 'empty', testid }, message);
}

export interface FieldOptions {
  label: string;
  /** The server's error key (e.g. "title", "questions[0].text"). */
  field?: string;
  hint?: string;
  testid?: string;
  class?: string;
}

/**
 * A labelled control with a hint and an error slot wired through aria-describedby. The wrapper carries
 * `data-field` so server validation errors land next to the right control.
 */
export function field(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, options: FieldOptions): HTMLElement {
  if (!control.id) control.id = uid('f');
  if (options.testid) control.setAttribute('data-testid', options.testid);
  const hintId = options.hint ? uid('hint') : undefined;
  const errorId = uid('err');
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const clearError = () => {
    if (control.getAttribute('aria-invalid') !== 'true') return;
    control.removeAttribute('aria-invalid');
    const slot = document.getElementById(errorId);
    if (slot) slot.textContent = '';
  };
  control.addEventListener('input', clearError);
  control.addEventListener('change', clearError);
  const isCheck = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
  const label = h('label', { for: control.id }, options.label);
  return h(
    'div',
    { class: `field${isCheck ? ' field-check' : ''}${options.class ? ` ${options.class}` : ''}`, 'data-field': options.field },
    isCheck ? [control, label] : [label, control],
    options.hint ? h('p', { class: 'hint', id: hintId }, options.hint) : null,
    h('p', { class: 'field-error', id: errorId, 'data-error-for': options.field, testid: options.field ? `error-${options.field}` : undefined }),
  );
}

export function input(type: string, attrs: Props = {}): HTMLInputElement {
  return h('input', { type, ...attrs });
}

export function select(options: readonly (readonly [string, string])[], value: string, attrs: Props = {}): HTMLSelectElement {
  const el = h('select', attrs, ...options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value;
  return el;
}

/** Clears the errors shown in a form. */
export function clearFieldErrors(form: HTMLElement): void {
  for (const el of form.querySelectorAll<HTMLElement>('.field-error')) {
    el.textContent = '';
    el.removeAttribute('tabindex');
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/**
 * Shows `errors` next to the fields whose `data-field` matches (case-insensitively, as ASP.NET may
 * capitalise keys); returns the messages that matched no field, prefixed with their key (the server's
 * messages, e.g. "Must be between 1 and 10.", do not say which field they are about), for the status line.
 * Focuses the first invalid control (or the first message that has none).
 */
export function showFieldErrors(form: HTMLElement, errors: Record<string, string[]>): string[] {
  clearFieldErrors(form);
  const unmatched: string[] = [];
  let first: HTMLElement | null = null;
  const fields = [...form.querySelectorAll<HTMLElement>('[data-field]')];
  for (const [key, messages] of Object.entries(errors)) {
    const wrapper = fields.find((f) => f.dataset.field?.toLowerCase() === key.toLowerCase());
    const slot = wrapper ? [...wrapper.querySelectorAll<HTMLElement>('.field-error')].find((e) => e.closest('[data-field]') === wrapper) : undefined;
    if (!wrapper || !slot) {
      unmatched.push(`${key}: ${messages.join(' ')}`);
      continue;
    }
    slot.textContent = messages.join(' ');
    const control = wrapper.querySelector<HTMLElement>('input:not([type="radio"]):not([type="checkbox"]), select, textarea') ?? wrapper.querySelector<HTMLElement>('input');
    control?.setAttribute('aria-invalid', 'true');
    // A message without a control of its own (e.g. "questions[0].correct" over a group of options) takes the
    // focus itself, so that it is scrolled to and read out: with no banner above the form, nothing else would.
    if (!control) slot.tabIndex = -1;
    first ??= control ?? slot;
  }
  first?.focus();
  return unmatched;
}

/**
 * Shows an API error on a form. Field errors go next to their fields and nothing else is said about them:
 * the generic title ("One or more validation errors occurred.") told the user nothing, and the focused
 * control's aria-describedby already reads its message out. Only messages that match no field on the form
 * reach the status line; a problem without field errors shows its own message there (see ApiError).
 */
export function showFormError(form: HTMLElement, status: StatusLine, error: unknown): void {
  if (error instanceof ApiError && error.sessionExpired) return;
  if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
    const unmatched = showFieldErrors(form, error.fieldErrors);
    if (unmatched.length) status.show('error', unmatched.join(' '));
    else status.clear();
    return;
  }
  clearFieldErrors(form);
  status.error(error);
}

export function button(label: Child, onClick: (event: MouseEvent) => void, attrs: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'btn', ...attrs, on: { click: onClick as (e: Event) => void } }, label);
}

/** Runs an async action with the button disabled (prevents double submits). */
export async function busy<T>(btn: HTMLButtonElement, action: () => Promise<T>): Promise<T> {
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
  }
}

export interface DialogOptions {
  title: string;
  message?: Child;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  testid?: string;
  confirmTestid?: string;
  cancelTestid?: string;
}

/**
 * A modal confirmation: a native <dialog> (the page behind is inert; Escape cancels), with Tab kept inside it
 * (trapFocus) and the focus given back to what had it when it closes.
 */
export function confirmDialog(options: DialogOptions): Promise<boolean> {
  return openDialog(options, null).then((result) => result !== null);
}

export interface PromptOptions extends DialogOptions {
  label: string;
  initial?: string;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  inputTestid?: string;
}

/** A modal with one text field; resolves the text, or null when cancelled. */
export function promptDialog(options: PromptOptions): Promise<string | null> {
  const control = options.multiline
    ? h('textarea', { rows: 4, maxlength: options.maxLength, 'aria-required': options.required ? 'true' : undefined })
    : h('input', { type: 'text', maxlength: options.maxLength, 'aria-required': options.required ? 'true' : undefined });
  control.value = options.initial ?? '';
  return openDialog(options, field(control, { label: options.label, testid: options.inputTestid }), control, options.required ?? false);
}

function openDialog(
  options: DialogOptions,
  body: HTMLElement | null,
  control?: HTMLInputElement | HTMLTextAreaElement,
  required = false,
): Promise<string | null> {
  return new Promise((resolve) => {
    const titleId = uid('dlg');
    const error = h('p', { class: 'field-error', role: 'alert' });
    const cancel = h('button', { type: 'button', class: 'btn btn-secondary', testid: options.cancelTestid ?? 'confirm-cancel' }, options.cancelLabel ?? 'Cancel');
    const ok = h('button', { type: 'submit', class: `btn ${options.danger ? 'btn-danger' : 'btn-primary'}`, testid: options.confirmTestid ?? 'confirm-ok' }, options.confirmLabel);
    const form = h(
      'form',
      { method: 'dialog', class: 'dialog-body' },
      h('h2', { id: titleId }, options.title),
      options.message ? h('div', { class: 'dialog-message' }, options.message) : null,
      body,
      error,
      h('div', { class: 'actions' }, cancel, ok),
    );
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, testid: options.testid ?? 'confirm-dialog' }, form);
    let result: string | null = null;
    form.addEventListener('submit', (event) => {
      if (control && required && !control.value.trim()) {
        event.preventDefault();
        error.textContent = 'Please fill in this field.';
        control.focus();
        return;
      }
      result = control ? control.value.trim() : 'ok';
    });
    cancel.addEventListener('click', () => dialog.close());
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(result);
    });
    trapFocus(dialog);
    document.body.appendChild(dialog);
    dialog.showModal();
    (control ?? (options.danger ? cancel : ok)).focus();
  });
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab and Shift+Tab cycling inside a modal. showModal() makes the page inert, but Tab from the last
 * control would still leave for the browser's own toolbar; a keyboard user should land back on the first.
 */
export function trapFocus(container: HTMLElement): void {
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]') && el.getClientRects().length > 0);
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = document.activeElement;
    const inside = active instanceof HTMLElement && focusable.includes(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  });
}

/** A table with a caption (visually hidden if requested), header cells with scope and rows. */
export function table(caption: string, headers: readonly string[], rows: readonly HTMLTableRowElement[], attrs: Props = {}): HTMLElement {
  // Narrow screens show each row as a card; every cell carries its column's name for that layout.
  for (const row of rows) {
    [...row.cells].forEach((cell, i) => {
      if (headers[i] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', headers[i]!);
    });
  }
  return h(
    'div',
    { class: 'table-wrap responsive' },
    h(
      'table',
      attrs,
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null, ...headers.map((label) => h('th', { scope: 'col' }, label || h('span', { class: 'visually-hidden' }, 'Actions'))))),
      h('tbody', null, ...rows),
    ),
  );
}

export function badge(text: string, kind: string, testid?: string): HTMLElement {
  return h('span', { class: `badge badge-${kind}`, testid }, text);
}

/** A slot's state (upcoming / open / closed / not published, lib/slot-state.ts), the same on every page. */
export function slotStateBadge(slot: SlotTimes, now: number): HTMLElement {
  const { state, label, kind, description } = slotStateLabel(slot, now);
  return h('span', { class: `badge badge-${kind}`, testid: 'slot-state', 'data-state': state, title: description }, label);
}

/** A link handled by the router. */
export function link(href: string, label: Child, attrs: Props = {}): HTMLAnchorElement {
  return h('a', { href, ...attrs }, label);
}
