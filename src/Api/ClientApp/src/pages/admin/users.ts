// Admin: users — paged list with a role filter and a search, create (any role), import a CSV file (every line or
// none), change role, (de)activate, reset a password (a temporary one, shown once).

import { ApiError } from '../../api/client';
import { createUser, importUsers, listUsers, resetPassword, updateUser } from '../../api/endpoints';
import { ROLES, type ImportedUser, type Role, type User } from '../../api/types';
import { auth } from '../../lib/auth';
import { h, replace } from '../../lib/dom';
import { formatDateTime, humanize } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { StatusLine, badge, busy, clearFieldErrors, confirmDialog, emptyState, field, input, loading, notice, pageHeader, select, showFormError, table } from '../../ui/components';

const PAGE_SIZE = 20;

export async function usersPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine('users-status');
  let page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);
  let role = (ctx.query.get('role') ?? '') as Role | '';
  let search = ctx.query.get('q') ?? '';
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const searchBox = input('search', { maxlength: 100, value: search, placeholder: 'Name or e-mail', autocomplete: 'off' });
  searchBox.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      search = searchBox.value.trim();
      page = 1;
      void load();
    }, 250);
  });
  // Shown once after a reset or an import: the only time a temporary password is visible.
  const secrets = h('div', { testid: 'user-secrets', 'aria-live': 'polite' });

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
    secrets,
    h(
      'section',
      { class: 'card', 'aria-label': 'User list' },
      h(
        'div',
        { class: 'toolbar' },
        field(filter, { label: 'Show', testid: 'user-role-filter', class: 'compact' }),
        field(searchBox, { label: 'Search', testid: 'user-search', class: 'compact' }),
      ),
      listBox,
      pager,
    ),
    form,
    importForm(),
  );

  function showSecrets(title: string, rows: readonly { name: string; email: string; password: string }[]): void {
    const list = h(
      'ul',
      { class: 'secret-list' },
      ...rows.map((r) => h('li', { testid: 'temporary-password-row' }, `${r.name} <${r.email}>: `, h('code', { testid: 'temporary-password' }, r.password))),
    );
    const dismiss = h('button', { type: 'button', class: 'btn btn-small btn-secondary', testid: 'secrets-dismiss', on: { click: () => replace(secrets) } }, 'I have noted them');
    replace(
      secrets,
      notice(
        'warning',
        h('div', null, h('strong', null, title), h('p', null, 'Shown this once: hand each over securely. They must be changed at the first sign-in.'), list, dismiss),
        'secrets-notice',
      ),
    );
    secrets.scrollIntoView({ block: 'nearest' });
  }

  function importForm(): HTMLFormElement {
    const importStatus = new StatusLine('import-status');
    const csv = h('textarea', { rows: 6, spellcheck: false, placeholder: 'name,email,role,password\nAda Lovelace,ada@school.test,teacher,', class: 'mono' }) as HTMLTextAreaElement;
    const file = input('file', { accept: '.csv,text/csv' });
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (chosen) void chosen.text().then((text) => (csv.value = text));
    });
    const errors = h('ul', { class: 'import-errors', testid: 'import-errors' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'import-submit' }, 'Import');
    const importing: HTMLFormElement = h(
      'form',
      { class: 'form card', novalidate: true, testid: 'import-form', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title' }, 'Import users from a CSV file'),
      h('p', { class: 'muted' }, 'A header with name, email, role and optionally password, then one account per line. Every line is checked first: a file with a mistake creates no account. Lines without a password get a temporary one.'),
      field(file, { label: 'CSV file', field: 'file', testid: 'import-file' }),
      field(csv, { label: 'Or paste the lines', field: 'csv', testid: 'import-csv' }),
      errors,
      h('div', { class: 'actions' }, submit),
      importStatus.el,
    );
    importing.addEventListener('submit', (event) => {
      event.preventDefault();
      clearFieldErrors(importing);
      importStatus.clear();
      replace(errors);
      void busy(submit, async () => {
        try {
          const result = await importUsers(csv.value);
          importStatus.show('success', `Created ${result.created.length} account${result.created.length === 1 ? '' : 's'}.`);
          const temporary = result.created.filter((c): c is ImportedUser & { temporaryPassword: string } => c.temporaryPassword !== null);
          if (temporary.length) showSecrets('Temporary passwords of the imported accounts', temporary.map((c) => ({ name: c.user.name, email: c.user.email, password: c.temporaryPassword })));
          importing.reset();
          await load();
        } catch (error) {
          if (error instanceof ApiError && error.status === 400) {
            replace(errors, ...importErrors(error.fieldErrors).map((text) => h('li', { testid: 'import-error' }, text)));
            importStatus.show('error', 'Nothing was imported: correct the lines below and import the file again.');
          } else {
            showFormError(importing, importStatus, error);
          }
        }
      });
    });
    return importing;
  }


  async function load(): Promise<void> {
    replace(listBox, loading());
    try {
      const result = await listUsers(page, PAGE_SIZE, role || undefined, search || undefined);
      if (ctx.signal.aborted) return;
      const url = new URLSearchParams();
      if (page > 1) url.set('page', String(page));
      if (role) url.set('role', role);
      if (search) url.set('q', search);
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
    const reset = h('button', {
      type: 'button',
      class: 'btn btn-small btn-secondary',
      testid: 'user-reset-password',
      disabled: self || !user.isActive,
      on: {
        click: () =>
          void (async () => {
            const ok = await confirmDialog({
              title: `Reset ${user.name}’s password?`,
              message: 'A temporary password replaces theirs and is shown to you once. Their current sign-ins end, and they must choose a new password when they sign in.',
              confirmLabel: 'Reset password',
              confirmTestid: 'confirm-reset',
            });
            if (!ok) return;
            await busy(reset, async () => {
              try {
                const result = await resetPassword(user.id);
                showSecrets(`Temporary password for ${result.user.name}`, [{ name: result.user.name, email: result.user.email, password: result.temporaryPassword }]);
                await load();
              } catch (error) {
                status.error(error);
              }
            });
          })(),
      },
    }, 'Reset password');
    return h(
      'tr',
      { testid: 'user-row', 'data-user-id': user.id },
      h('td', { testid: 'user-name' }, user.name, self ? h('span', { class: 'muted' }, ' (you)') : null),
      h('td', { testid: 'user-email' }, user.email),
      h('td', null, roleSelect),
      h(
        'td',
        { testid: 'user-state' },
        user.isActive ? badge('active', 'success') : badge('deactivated', 'neutral'),
        user.mustChangePassword ? [' ', badge('temporary password', 'warning', 'user-temporary-password')] : null,
      ),
      h('td', null, formatDateTime(user.createdAt)),
      h('td', { class: 'actions-cell' }, toggle, ' ', reset),
    );
  }

  await load();
}

/** The import's field errors as lines an administrator can act on: `lines.4.email` → "Line 4, email: …". */
export function importErrors(errors: Record<string, string[]>): string[] {
  return Object.entries(errors)
    .map(([key, messages]) => {
      const match = /^lines\.(\d+)\.(\w+)$/.exec(key);
      return { line: match ? Number(match[1]) : 0, text: messages.map((m) => (match ? `Line ${match[1]}, ${match[2]}: ${m}` : m)).join(' ') };
    })
    .sort((a, b) => a.line - b.line)
    .map((e) => e.text);
}
