// Sign in and student self-registration.

import { ApiError } from '../api/client';
import { login, register } from '../api/endpoints';
import { auth } from '../lib/auth';
import { h } from '../lib/dom';
import type { PageContext } from '../lib/router';
import { StatusLine, busy, field, input, notice, pageHeader, showFormError } from '../ui/components';

export function loginPage(ctx: PageContext): void {
  const message = auth.takeNotice();
  const status = new StatusLine('login-status');
  const email = input('email', { name: 'email', autocomplete: 'username', required: true });
  const password = input('password', { name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'login-submit' }, 'Sign in');

  const form: HTMLFormElement = h(
    'form',
    { class: 'card form', novalidate: true, 'aria-labelledby': 'login-title' },
    field(email, { label: 'E-mail', field: 'email', testid: 'login-email' }),
    field(password, { label: 'Password', field: 'password', testid: 'login-password' }),
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.clear();
    if (!email.value.trim() || !password.value) {
      status.show('error', 'Enter your e-mail and password.');
      (email.value.trim() ? password : email).focus();
      return;
    }
    void busy(submit, async () => {
      try {
        auth.signIn(await login(email.value.trim(), password.value));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) status.show('error', 'Invalid e-mail or password.');
        else if (error instanceof ApiError && error.status === 429) status.show('error', `Too many attempts. ${error.problem.detail ?? 'Try again later.'}`);
        else showFormError(form, status, error);
        password.select();
      }
    });
  });

  const header = pageHeader('Sign in');
  header.querySelector('h1')?.setAttribute('id', 'login-title');
  ctx.root.append(
    h(
      'section',
      { class: 'auth-page' },
      header,
      message ? notice('warning', message, 'session-expired') : null,
      status.el,
      form,
      h('p', { class: 'form-footer' }, 'New student? ', h('a', { href: '/register', testid: 'link-register' }, 'Create an account'), '.'),
    ),
  );
}

export function registerPage(ctx: PageContext): void {
  const status = new StatusLine('register-status');
  const name = input('text', { name: 'name', autocomplete: 'name', required: true, maxlength: 200 });
  const email = input('email', { name: 'email', autocomplete: 'email', required: true });
  const password = input('password', { name: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'register-submit' }, 'Create account');
  const form: HTMLFormElement = h(
    'form',
    { class: 'card form', novalidate: true },
    field(name, { label: 'Full name', field: 'name', testid: 'register-name' }),
    field(email, { label: 'E-mail', field: 'email', testid: 'register-email' }),
    field(password, { label: 'Password', field: 'password', hint: 'At least 8 characters.', testid: 'register-password' }),
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.clear();
    void busy(submit, async () => {
      try {
        await register(name.value.trim(), email.value.trim(), password.value);
        // Registered: sign in straight away with the same credentials.
        auth.signIn(await login(email.value.trim(), password.value));
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          status.show('error', 'An account with this e-mail already exists. Sign in instead.');
          email.focus();
        } else {
          showFormError(form, status, error);
        }
      }
    });
  });
  ctx.root.append(
    h(
      'section',
      { class: 'auth-page' },
      pageHeader('Create a student account'),
      h('p', null, 'Accounts created here are student accounts. Teachers and proctors get theirs from an administrator.'),
      status.el,
      form,
      h('p', { class: 'form-footer' }, 'Already registered? ', h('a', { href: '/login', testid: 'link-login' }, 'Sign in'), '.'),
    ),
  );
}
