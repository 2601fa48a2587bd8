// Student: published exams with their slots; book a seat.

import { book, listExams, listSlots, myBookings } from '../../api/endpoints';
import type { Booking, Exam, Slot } from '../../api/types';
import { h, replace } from '../../lib/dom';
import { formatDateTime } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { clock } from '../../lib/services';
import { StatusLine, badge, busy, emptyState, loading, pageHeader, table } from '../../ui/components';

export async function examsPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine();
  const list = h('div', { class: 'stack', testid: 'exam-list' }, loading());
  ctx.root.append(pageHeader('Exams', h('p', { class: 'lead' }, 'Published exams and the times you can take them. Book one slot per exam.')), status.el, list);

  const load = async () => {
    try {
      const [exams, bookings] = await Promise.all([listExams(), myBookings()]);
      const slots = await Promise.all(exams.items.map((exam) => listSlots(exam.id).catch(() => [] as Slot[])));
      if (ctx.signal.aborted) return;
      if (exams.items.length === 0) {
        replace(list, emptyState('No exams are open for booking at the moment.'));
        return;
      }
      replace(list, ...exams.items.map((exam, i) => examCard(exam, slots[i] ?? [], bookings)));
    } catch (error) {
      replace(list);
      status.error(error);
    }
  };

  const examCard = (exam: Exam, slots: Slot[], bookings: Booking[]) => {
    const active = bookings.find((b) => b.examId === exam.id && b.status !== 'cancelled');
    const now = clock.now();
    const upcoming = slots.filter((s) => Date.parse(s.endsAt) > now).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const rows = upcoming.map((slot) => {
      const seatsLeft = Math.max(0, slot.capacity - slot.booked);
      const started = Date.parse(slot.startsAt) <= now;
      const mine = active?.slotId === slot.id;
      let reason = '';
      if (mine) reason = 'You are booked on this slot';
      else if (active) reason = 'You already have a booking for this exam';
      else if (!slot.isOpen) reason = 'Not published';
      else if (started) reason = 'Already started';
      else if (seatsLeft === 0) reason = 'Full';
      const action = reason
        ? mine
          ? badge('Booked', 'success', 'slot-booked')
          : h('span', { class: 'muted' }, reason)
        : h('button', {
            type: 'button',
            class: 'btn btn-primary btn-small',
            testid: 'book-slot',
            'data-slot-id': slot.id,
            'aria-label': `Book the slot starting ${formatDateTime(slot.startsAt)}`,
            on: {
              click: (event) => {
                const btn = event.currentTarget as HTMLButtonElement;
                void busy(btn, async () => {
                  try {
                    await book(slot.id);
                    status.show('success', `Booked "${exam.title}" on ${formatDateTime(slot.startsAt)}. It is listed under My bookings.`);
                    await load();
                  } catch (error) {
                    status.error(error);
                  }
                });
              },
            },
          }, 'Book');
      return h(
        'tr',
        { testid: 'slot-row', 'data-slot-id': slot.id },
        h('td', null, formatDateTime(slot.startsAt)),
        h('td', null, formatDateTime(slot.endsAt)),
        h('td', { testid: 'slot-seats' }, `${seatsLeft} of ${slot.capacity}`),
        h('td', null, action),
      );
    });
    return h(
      'article',
      { class: 'card', testid: 'exam-card', 'data-exam-id': exam.id },
      h('h2', { testid: 'exam-title' }, exam.title),
      exam.description ? h('p', { testid: 'exam-description' }, exam.description) : null,
      h(
        'p',
        { class: 'meta' },
        `${exam.durationMinutes} minutes · ${exam.questionCount} questions · pass mark ${exam.passMarkPercent} %`,
        exam.monitoring?.webcamRequired ? ' · webcam required' : '',
      ),
      rows.length ? table(`Slots of ${exam.title}`, ['Starts', 'Ends', 'Seats left', ''], rows, { class: 'slots-table' }) : emptyState('No upcoming slots.'),
    );
  };

  await load();
}
