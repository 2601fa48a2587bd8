// Student: my bookings, with Start/Resume enabled by server time and Cancel before the slot starts.

import { cancelBooking, myBookings } from '../../api/endpoints';
import type { Booking } from '../../api/types';
import { formatCountdown, isWithinWindow } from '../../lib/countdown';
import { h, replace, setText, uid } from '../../lib/dom';
import { formatDateTime } from '../../lib/format';
import { navigate } from '../../lib/navigation';
import type { PageContext } from '../../lib/router';
import { clock } from '../../lib/services';
import { StatusLine, badge, busy, confirmDialog, emptyState, loading, pageHeader, table } from '../../ui/components';

export async function bookingsPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine();
  const container = h('div', { testid: 'booking-list' }, loading());
  ctx.root.append(
    pageHeader('My bookings', h('p', { class: 'lead' }, 'Start becomes available at the slot’s start time (server time). You can resume an exam you started until its deadline.')),
    status.el,
    container,
  );

  let updaters: (() => void)[] = [];
  const timer = setInterval(() => updaters.forEach((u) => u()), 1000);
  ctx.onCleanup(() => clearInterval(timer));

  const load = async () => {
    try {
      const bookings = await myBookings();
      if (ctx.signal.aborted) return;
      updaters = [];
      if (bookings.length === 0) {
        replace(container, emptyState('You have no bookings yet. Book a slot on the Exams page.'));
        return;
      }
      bookings.sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
      replace(container, table('My bookings', ['Exam', 'Starts', 'Ends', 'Status', 'Actions'], bookings.map(row), { class: 'bookings-table' }));
    } catch (error) {
      replace(container);
      status.error(error);
    }
  };

  const row = (booking: Booking): HTMLTableRowElement => {
    const statusCell = h('td', { testid: 'booking-status' });
    const actions = h('div', { class: 'row-actions' });
    const hintId = uid('hint');
    const hint = h('span', { class: 'muted', id: hintId, testid: 'start-hint' });
    const start = h('button', {
      type: 'button',
      class: 'btn btn-primary btn-small',
      testid: 'start-session',
      'data-booking-id': booking.id,
      'aria-describedby': hintId,
      on: { click: () => navigate(`/exam/${encodeURIComponent(booking.id)}`) },
    });
    const cancel = h('button', {
      type: 'button',
      class: 'btn btn-secondary btn-small',
      testid: 'cancel-booking',
      on: {
        click: () => {
          void (async () => {
            const ok = await confirmDialog({
              title: 'Cancel this booking?',
              message: `Your seat for "${booking.examTitle}" on ${formatDateTime(booking.startsAt)} will be released.`,
              confirmLabel: 'Cancel booking',
              cancelLabel: 'Keep booking',
              danger: true,
              confirmTestid: 'confirm-cancel-booking',
            });
            if (!ok) return;
            await busy(cancel, async () => {
              try {
                await cancelBooking(booking.id);
                status.show('success', `Booking for "${booking.examTitle}" cancelled.`);
                await load();
              } catch (error) {
                status.error(error);
              }
            });
          })();
        },
      },
    }, 'Cancel');

    const update = () => {
      const now = clock.now();
      const startsAt = Date.parse(booking.startsAt);
      const open = isWithinWindow(booking.startsAt, booking.endsAt, now);
      const ended = now >= Date.parse(booking.endsAt);
      let label: HTMLElement;
      const show: HTMLElement[] = [];
      if (booking.status === 'cancelled') {
        label = badge('Cancelled', 'neutral');
      } else if (booking.status === 'completed') {
        label = badge('Completed', 'success');
        show.push(h('a', { href: '/results', class: 'btn btn-secondary btn-small', testid: 'view-results' }, 'View results'));
      } else if (ended) {
        label = badge('Closed', 'neutral');
      } else if (open) {
        label = booking.sessionId ? badge('In progress', 'warning') : badge('Open now', 'success');
        setText(start, booking.sessionId ? 'Resume exam' : 'Start exam');
        start.disabled = false;
        setText(hint, '');
        show.push(start, hint);
      } else {
        label = badge('Booked', 'info');
        setText(start, 'Start exam');
        start.disabled = true;
        setText(hint, `Opens in ${formatCountdown(startsAt - now)}`);
        show.push(start, hint, cancel);
      }
      if (statusCell.firstChild?.textContent !== label.textContent) replace(statusCell, label);
      // Only rebuild the actions when their set changes, so keyboard focus is kept.
      const current = [...actions.children];
      if (current.length !== show.length || current.some((el, i) => el !== show[i])) replace(actions, ...show);
    };
    update();
    updaters.push(update);
    return h(
      'tr',
      { testid: 'booking-row', 'data-booking-id': booking.id },
      h('td', { testid: 'booking-exam' }, booking.examTitle),
      h('td', null, formatDateTime(booking.startsAt)),
      h('td', null, formatDateTime(booking.endsAt)),
      statusCell,
      h('td', null, actions),
    );
  };

  await load();
}
