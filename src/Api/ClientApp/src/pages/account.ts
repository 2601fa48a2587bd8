// Every signed-in user: change the password. After an administrator's reset (or an import that gave a temporary
// password) this is the only page the account can open until the new password is set.

import { changePassword } from '../api/endpoints';
import { auth } from '../lib/auth';
import { h } from '../lib/dom';
import type { PageContext } from '../lib/router';
import { StatusLine, busy, clearFieldErrors, field, input, notice, pageHeader, showFieldErrors, showFormError } from '../ui/components';

export function changePasswordPage(ctx: PageContext): void {
  const forced = auth.user?.mustChangePassword === true;
  const status = new StatusLine('password-status');
  const current = input('password', { required: true, autocomplete: 'current-password' });
  const next = input('password', { required: true, minlength: 8, maxlength: 128, autocomplete: 'new-password' });
  const again = input('password', { required: true, autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'password-submit' }, 'Change password');
  const form: HTMLFormElement = h(
    'form',
    { class: 'card form', novalidate: true, testid: 'password-form', 'aria-labelledby': 'password-title' },
    field(current, { label: forced ? 'Temporary password' : 'Current password', field: 'currentPassword', testid: 'password-current' }),
    field(next, { label: 'New password', field: 'newPassword', hint: 'At least 8 characters.', testid: 'password-new' }),
    field(again, { label: 'New password again', field: 'confirm', testid: 'password-again' }),
    h('div', { class: 'actions' }, submit),
    status.el,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    status.clear();
    if (next.value !== again.value) {
      showFieldErrors(form, { confirm: ['The two new passwords differ.'] });
      return;
    }
    void busy(submit, async () => {
      try {
        // The new token replaces the old one (every other sign-in ended); signing in again lands on the home page.
        auth.signIn(await changePassword({ currentPassword: current.value, newPassword: next.value }));
      } catch (error) {
        showFormError(form, status, error);
      }
    });
  });

  const header = pageHeader('Change password');
  header.querySelector('h1')?.setAttribute('id', 'password-title');
  ctx.root.append(
    header,
    forced
      ? notice('warning', 'An administrator set a temporary password for your account. Choose your own password to continue.', 'password-required')
      : h('p', { class: 'muted' }, 'Changing your password signs you out everywhere else.'),
    form,
  );
  current.focus();
}
