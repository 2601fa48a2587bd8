// One vocabulary for an exam slot's state on every page (issue 17: the teacher's page said "open"/"closed"
// for "the exam is published" while the proctor's said "upcoming"/"running"/"ended" for the same slot).
//
// The API has no state field: a slot has `startsAt`, `endsAt` (start + duration, every session's deadline)
// and `isOpen` (its exam is published). The words follow the student's day: a slot is *upcoming* until it
// starts (booking is possible only then), *open* while students can start or resume (the bookings page says
// "Opens in …" and "Open now"), and *closed* once it ended. A slot whose exam is not published (a draft, or
// archived) is *not published*: nobody can book or start it, whatever the time.

export type SlotState = 'upcoming' | 'open' | 'closed' | 'unpublished';

export interface SlotTimes {
  startsAt: string;
  endsAt: string;
  isOpen: boolean;
}

export interface SlotStateLabel {
  state: SlotState;
  /** The word shown in the badge. */
  label: string;
  /** The badge's colour (ui/components badge kinds). */
  kind: 'info' | 'success' | 'neutral' | 'warning';
  /** What the state means, for a tooltip and screen readers. */
  description: string;
}

const labels: Record<SlotState, Omit<SlotStateLabel, 'state'>> = {
  upcoming: { label: 'upcoming', kind: 'info', description: 'Not started yet; students can book a seat.' },
  open: { label: 'open', kind: 'success', description: 'Running: booked students can start or resume the exam.' },
  closed: { label: 'closed', kind: 'neutral', description: 'Ended: every session of this slot is over.' },
  unpublished: { label: 'not published', kind: 'warning', description: 'The exam is not published: nobody can book or start this slot.' },
};

/** The state of a slot at `now` (server time in ms). An ended slot is closed even if its exam was archived since. */
export function slotState(slot: SlotTimes, now: number): SlotState {
  if (now >= Date.parse(slot.endsAt)) return 'closed';
  if (!slot.isOpen) return 'unpublished';
  return now >= Date.parse(slot.startsAt) ? 'open' : 'upcoming';
}

export function slotStateLabel(slot: SlotTimes, now: number): SlotStateLabel {
  const state = slotState(slot, now);
  return { state, ...labels[state] };
}
