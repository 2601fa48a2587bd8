// Admin: users — paged list with a role filter, create (any role), change role, (de)activate.

import { createUser, listUsers, updateUser } from '../../api/endpoints';
import { ROLES, type Role, type User } from '../../api/types';
import { auth } from '../../lib/auth';
import { h, replace } from '../../lib/dom';
import { formatDateTime, humanize } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { StatusLine, badge, busy, clearFieldErrors, confirmDialog, emptyState, field, input, loading, pageHeader, select, showFormError, table } from '../../ui/components';

const PAGE_SIZE = 20;

export async function usersPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine('users-status');
  let page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);
  let role = (ctx.query.get('role') ?? '') as Role | '';

  const filter = select([['', 'All roles'], ...ROLES.map((r) => [r, humanize(r)] as const)], role, {
    on: {
      change: () => {
        role = filter.value as Role | '';
        page = 1;
        void load();
      },
    },
  });
  const listBox = h('div', { testid: 'user-list' }, loading());
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of users' });

  // ---- Create form
  const formStatus = new StatusLine('create-user-status');
  const name = input('text', { required: true, maxlength: 200, autocomplete: 'off' });
  const email = input('email', { required: true, autocomplete: 'off' });
  const password = input('password', { required: true, minlength: 8, autocomplete: 'new-password' });
  const newRole = select(ROLES.map((r) => [r, humanize(r)] as const), 'teacher');
  const create = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'create-user-submit' }, 'Create user');
  const form: HTMLFormElement = h(
    'form',
    { class: 'form card', novalidate: true, testid: 'create-user-form', 'aria-labelledby': 'create-user-title' },
    h('h2', { id: 'create-user-title' }, 'Create a user'),
    h(
      'div',
      { class: 'grid-2' },
      field(name, { label: 'Name', field: 'name', testid: 'create-user-name' }),
      field(email, { label: 'E-mail', field: 'email', testid: 'create-user-email' }),
      field(password, { label: 'Initial password', field: 'password', hint: 'At least 8 characters. Share it securely.', testid: 'create-user-password' }),
      field(newRole, { label: 'Role', field: 'role', testid: 'create-user-role' }),
    ),
    h('div', { class: 'actions' }, create),
    formStatus.el,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    formStatus.clear();
    void busy(create, async () => {
      try {
        const user = await createUser({ name: name.value.trim(), email: email.value.trim(), password: password.value, role: newRole.value as Role });
        formStatus.show('success', `Created ${user.name} (${user.role}).`);
        form.reset();
        newRole.value = 'teacher';
        await load();
      } catch (error) {
        showFormError(form, formStatus, error);
      }
    });
  });

  ctx.root.append(
    pageHeader('Users'),
    status.el,
    h('section', { class: 'card', 'aria-label': 'User list' }, h('div', { class: 'toolbar' }, field(filter, { label: 'Show', testid: 'user-role-filter', class: 'compact' })), listBox, pager),
    form,
  );

  async function load(): Promise<void> {
    replace(listBox, loading());
    try {
      const result = await listUsers(page, PAGE_SIZE, role || undefined);
      if (ctx.signal.aborted) return;
      const url = new URLSearchParams();
      if (page > 1) url.set('page', String(page));
      if (role) url.set('role', role);
      history.replaceState(null, '', `/admin/users${url.size ? `?${url}` : ''}`);
      replace(listBox, result.items.length ? table('Users', ['Name', 'E-mail', 'Role', 'State', 'Created', 'Actions'], result.items.map(row)) : emptyState('No users match.'));
      renderPager(result.total);
    } catch (error) {
      replace(listBox);
      status.error(error);
    }
  }

  function renderPager(total: number): void {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const prev = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'users-prev', disabled: page <= 1, on: { click: () => { page--; void load(); } } }, '← Previous');
    const next = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'users-next', disabled: page >= pages, on: { click: () => { page++; void load(); } } }, 'Next →');
    replace(pager, prev, h('span', { testid: 'users-page' }, ` Page ${page} of ${pages} · ${total} users `), next);
  }

  function row(user: User): HTMLTableRowElement {
    const self = auth.user?.id === user.id;
    const roleSelect = select(ROLES.map((r) => [r, humanize(r)] as const), user.role, { 'aria-label': `Role of ${user.name}`, testid: 'user-role', disabled: self });
    roleSelect.addEventListener('change', () => {
      const chosen = roleSelect.value as Role;
      void (async () => {
        const ok = await confirmDialog({
          title: `Change ${user.name}’s role?`,
          message: `${user.name} becomes ${chosen}. Their current sign-ins end and they must sign in again.`,
          confirmLabel: 'Change role',
          confirmTestid: 'confirm-role',
        });
        if (!ok) {
          roleSelect.value = user.role;
          return;
        }
        try {
          const updated = await updateUser(user.id, { role: chosen });
          status.show('success', `${updated.name} is now ${updated.role}.`);
          await load();
        } catch (error) {
          roleSelect.value = user.role;
          status.error(error);
        }
      })();
    });
    const toggle = h('button', {
      type: 'button',
      class: `btn btn-small ${user.isActive ? 'btn-danger' : 'btn-secondary'}`,
      testid: 'user-toggle-active',
      disabled: self,
      on: {
        click: () =>
          void (async () => {
            if (user.isActive) {
              const ok = await confirmDialog({ title: `Deactivate ${user.name}?`, message: 'They can no longer sign in and their current sessions end at once.', confirmLabel: 'Deactivate', danger: true, confirmTestid: 'confirm-deactivate' });
              if (!ok) return;
            }
            await busy(toggle, async () => {
              try {
                const updated = await updateUser(user.id, { isActive: !user.isActive });
                status.show('success', `${updated.name} is ${updated.isActive ? 'active' : 'deactivated'}.`);
                await load();
              } catch (error) {
                status.error(error);
              }
            });
          })(),
      },
    }, user.isActive ? 'Deactivate' : 'Activate');
    return h(
      'tr',
      { testid: 'user-row', 'data-user-id': user.id },
      h('td', { testid: 'user-name' }, user.name, self ? h('span', { class: 'muted' }, ' (you)') : null),
      h('td', { testid: 'user-email' }, user.email),
      h('td', null, roleSelect),
      h('td', { testid: 'user-state' }, user.isActive ? badge('active', 'success') : badge('deactivated', 'neutral')),
      h('td', null, formatDateTime(user.createdAt)),
      h('td', null, toggle),
    );
  }

  await load();
}
