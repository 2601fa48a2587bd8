// Every role: the notification inbox (newest first, paged, live) and the per-type channel preferences.

import {
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  updateNotificationPreferences,
} from '../api/endpoints';
import type { AppNotification, NotificationPreference } from '../api/types';
import { h, replace } from '../lib/dom';
import { formatDateTime } from '../lib/format';
import { emailStatus, mergePushed, notificationTypeLabel } from '../lib/inbox';
import { notifications } from '../lib/notifications';
import type { PageContext } from '../lib/router';
import { StatusLine, badge, busy, button, emptyState, link, loading, pageHeader, table } from '../ui/components';

const PAGE_SIZE = 20;

/** Only the client's own pages: a link that is not a plain absolute path is not shown. */
function safeLink(path: string | null): string | null {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : null;
}

export async function notificationsPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine();
  const list = h('div', { testid: 'notifications-list', 'aria-live': 'polite' }, loading());
  const pager = h('nav', { class: 'pager', 'aria-label': 'Notification pages' });
  const readAll = button('Mark all read', () => void busy(readAll, markAll), { class: 'btn btn-secondary', testid: 'notifications-read-all' });
  ctx.root.append(
    pageHeader('Notifications', h('p', { class: 'lead' }, 'Newest first. ', link('/notifications/preferences', 'Choose how you are notified', { testid: 'notification-preferences-link' }), '.')),
    h('div', { class: 'toolbar' }, readAll),
    status.el,
    list,
    pager,
  );

  let page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  let items: AppNotification[] = [];
  let total = 0;

  const render = () => {
    readAll.disabled = notifications.unreadCount === 0;
    if (items.length === 0) {
      replace(list, emptyState('You have no notifications.'));
    } else {
      replace(list, h('ul', { class: 'notification-list' }, ...items.map(item)));
    }
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    replace(
      pager,
      page > 1 ? button('Newer', () => void go(page - 1), { class: 'btn btn-secondary btn-small', testid: 'notifications-newer' }) : null,
      h('span', { class: 'muted', testid: 'notifications-page' }, ` Page ${page} of ${pages} `),
      page < pages ? button('Older', () => void go(page + 1), { class: 'btn btn-secondary btn-small', testid: 'notifications-older' }) : null,
    );
  };

  const item = (n: AppNotification): HTMLElement => {
    const unread = n.readAt === null;
    const href = safeLink(n.link);
    const mail = emailStatus(n.deliveries);
    const markRead = button('Mark read', () => void busy(markRead, () => read(n.id)), { class: 'btn btn-secondary btn-small', testid: 'notification-mark-read', 'aria-label': `Mark "${n.title}" read` });
    return h(
      'li',
      { class: `card notification${unread ? ' notification-unread' : ''}`, testid: 'notification-item', 'data-notification-id': n.id, 'data-read': unread ? 'false' : 'true' },
      h(
        'div',
        { class: 'notification-head' },
        h('h2', { class: 'notification-title', testid: 'notification-title' }, n.title),
        unread ? badge('Unread', 'info', 'notification-unread') : null,
      ),
      h('p', { class: 'meta' }, notificationTypeLabel(n.type), ' · ', h('time', { datetime: n.createdAt }, formatDateTime(n.createdAt))),
      h('p', { class: 'preserve', testid: 'notification-body' }, n.body),
      mail ? h('p', { class: n.deliveries.some((d) => d.status === 'failed') ? 'field-error' : 'muted', testid: 'notification-email-status' }, mail) : null,
      h('div', { class: 'actions' }, href ? link(href, 'Open', { testid: 'notification-open', on: { click: () => void (unread ? read(n.id) : undefined) } }) : null, unread ? markRead : null),
    );
  };

  const load = async () => {
    try {
      const result = await listNotifications(page, PAGE_SIZE);
      if (ctx.signal.aborted) return;
      items = result.items;
      total = result.total;
      notifications.setCount(result.unreadCount);
      status.clear();
      render();
    } catch (error) {
      replace(list);
      status.error(error);
    }
  };

  const go = async (target: number) => {
    page = target;
    const url = target === 1 ? '/notifications' : `/notifications?page=${target}`;
    window.history.replaceState(window.history.state, '', url);
    await load();
  };

  async function read(id: string): Promise<void> {
    try {
      const updated = await markNotificationRead(id);
      items = items.map((n) => (n.id === id ? updated : n));
      render();
    } catch (error) {
      status.error(error);
    }
  }

  async function markAll(): Promise<void> {
    try {
      const unread = await markAllNotificationsRead();
      notifications.setCount(unread.count);
      await load();
      status.show('success', 'All notifications marked read.');
    } catch (error) {
      status.error(error);
    }
  }

  // New notifications appear on the first page as they arrive; the count comes with its own push.
  ctx.onCleanup(
    notifications.onNotification((n) => {
      if (page !== 1 || items.some((i) => i.id === n.id)) return;
      items = mergePushed(items, n, PAGE_SIZE);
      total++;
      render();
    }),
  );
  ctx.onCleanup(notifications.onCount(() => (readAll.disabled = notifications.unreadCount === 0)));
  await load();
}

export async function notificationPreferencesPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine();
  const container = h('div', null, loading());
  ctx.root.append(
    pageHeader('Notification preferences', h('p', { class: 'lead' }, 'Choose, for each kind of notification, whether it goes to your inbox here and whether it is e-mailed to you. ', link('/notifications', 'Back to notifications'), '.')),
    status.el,
    container,
  );
  try {
    const current = await getNotificationPreferences();
    if (ctx.signal.aborted) return;
    const rows = current.items.map((p) => preferenceRow(p));
    const save = button('Save preferences', () => void busy(save, async () => {
      const items: NotificationPreference[] = rows.map((r) => r.value());
      try {
        const saved = await updateNotificationPreferences(items);
        saved.items.forEach((p) => rows.find((r) => r.type === p.type)?.set(p));
        status.show('success', 'Preferences saved.');
      } catch (error) {
        status.error(error);
      }
    }), { class: 'btn', testid: 'preferences-save' });
    replace(container, table('Notification channels per type', ['Notification', 'In the app', 'By e-mail'], rows.map((r) => r.row)), h('div', { class: 'actions' }, save));
  } catch (error) {
    replace(container);
    status.error(error);
  }
}

function preferenceRow(p: NotificationPreference) {
  const label = notificationTypeLabel(p.type);
  const inApp = h('input', { type: 'checkbox', testid: 'preference-in-app', 'aria-label': `${label}: in the app`, props: { checked: p.inApp } });
  const email = h('input', { type: 'checkbox', testid: 'preference-email', 'aria-label': `${label}: by e-mail`, props: { checked: p.email } });
  const row = h('tr', { testid: 'preference-row', 'data-type': p.type }, h('th', { scope: 'row' }, label), h('td', null, inApp), h('td', null, email));
  return {
    type: p.type,
    row,
    value: (): NotificationPreference => ({ type: p.type, inApp: inApp.checked, email: email.checked }),
    set: (v: NotificationPreference) => {
      inApp.checked = v.inApp;
      email.checked = v.email;
    },
  };
}
