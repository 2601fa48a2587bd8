// Proctor: the rooms (slots) I supervise. Admins also get every slot of every exam, to monitor any room.

import { listExams, listRooms, listSlots } from '../../api/endpoints';
import type { RoomSummary, Slot } from '../../api/types';
import { auth } from '../../lib/auth';
import { h, replace } from '../../lib/dom';
import { formatDateTime } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { clock } from '../../lib/services';
import { StatusLine, badge, emptyState, loading, pageHeader, slotStateBadge, table } from '../../ui/components';

export async function roomsPage(ctx: PageContext): Promise<void> {
  const admin = auth.role === 'admin';
  const status = new StatusLine();
  const mine = h('section', { 'aria-labelledby': 'my-rooms' }, h('h2', { id: 'my-rooms' }, admin ? 'Rooms you watched' : 'Rooms assigned to you'), loading());
  const all = admin ? h('section', { 'aria-labelledby': 'all-rooms' }, h('h2', { id: 'all-rooms' }, 'All slots'), loading()) : null;
  ctx.root.append(pageHeader(admin ? 'Rooms' : 'My rooms', h('p', { class: 'lead' }, 'Open a room to watch its students live.')), status.el, mine, ...(all ? [all] : []));

  try {
    const rooms = await listRooms();
    if (ctx.signal.aborted) return;
    const now = clock.now();
    const rows = rooms.map((room) => roomRow(room, now));
    replace(mine, mine.firstElementChild!, rows.length ? table('Rooms', ['Exam', 'Starts', 'Ends', 'State', 'In progress', 'Finished', 'At risk', ''], rows, { testid: 'rooms-table' }) : emptyState(admin ? 'You have not opened any room yet.' : 'No rooms are assigned to you.'));
  } catch (error) {
    replace(mine, mine.firstElementChild!);
    status.error(error);
  }

  if (all) {
    try {
      const exams = await listExams();
      const slots = (await Promise.all(exams.items.map((e) => listSlots(e.id).catch(() => [] as Slot[])))).flat();
      if (ctx.signal.aborted) return;
      const now = clock.now();
      const rows = slots
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
        .map((slot) =>
          h(
            'tr',
            { testid: 'slot-room-row', 'data-slot-id': slot.id },
            h('td', null, slot.examTitle),
            h('td', null, formatDateTime(slot.startsAt)),
            h('td', null, formatDateTime(slot.endsAt)),
            h('td', null, slotStateBadge(slot, now)),
            h('td', null, `${slot.booked} / ${slot.capacity}`),
            h('td', null, h('a', { href: `/proctor/rooms/${encodeURIComponent(slot.id)}`, testid: 'open-room' }, 'Monitor')),
          ),
        );
      replace(all, all.firstElementChild!, rows.length ? table('All slots', ['Exam', 'Starts', 'Ends', 'State', 'Booked', ''], rows) : emptyState('No slots exist.'));
    } catch (error) {
      replace(all, all.firstElementChild!);
      status.error(error);
    }
  }
}

function roomRow(room: RoomSummary, now: number): HTMLTableRowElement {
  return h(
    'tr',
    { testid: 'room-row', 'data-slot-id': room.slot.id },
    h('td', null, room.slot.examTitle),
    h('td', null, formatDateTime(room.slot.startsAt)),
    h('td', null, formatDateTime(room.slot.endsAt)),
    h('td', null, slotStateBadge(room.slot, now)),
    h('td', { testid: 'room-in-progress' }, String(room.inProgress)),
    h('td', null, String(room.finished)),
    h('td', { testid: 'room-at-risk' }, room.atRisk > 0 ? badge(String(room.atRisk), 'danger') : '0'),
    h(
      'td',
      null,
      h('a', { href: `/proctor/rooms/${encodeURIComponent(room.slot.id)}`, testid: 'open-room' }, 'Open dashboard'),
      ' · ',
      h('a', { href: `/proctor/rooms/${encodeURIComponent(room.slot.id)}/report`, testid: 'open-room-report' }, 'Report'),
    ),
  );
}
