import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slotState, slotStateLabel } from '../src/lib/slot-state';
import { slotStateBadge } from '../src/ui/components';

const startsAt = '2026-12-06T10:00:00Z';
const endsAt = '2026-12-06T11:00:00Z';
const at = (iso: string) => Date.parse(iso);

describe('slot state: one vocabulary on every page', () => {
  it('is upcoming before the start, open from the start, closed from the end', () => {
    const slot = { startsAt, endsAt, isOpen: true };
    expect(slotState(slot, at('2026-12-06T09:59:59Z'))).toBe('upcoming');
    expect(slotState(slot, at(startsAt))).toBe('open');
    expect(slotState(slot, at('2026-12-06T10:59:59Z'))).toBe('open');
    expect(slotState(slot, at(endsAt))).toBe('closed');
  });

  it('is not published while its exam is a draft or archived, and closed once it ended whatever the exam', () => {
    const slot = { startsAt, endsAt, isOpen: false };
    expect(slotState(slot, at('2026-12-06T09:00:00Z'))).toBe('unpublished');
    expect(slotState(slot, at('2026-12-06T10:30:00Z'))).toBe('unpublished');
    expect(slotState(slot, at('2026-12-06T12:00:00Z'))).toBe('closed');
  });

  it('labels each state with one word and says what it means', () => {
    const slot = { startsAt, endsAt, isOpen: true };
    expect(slotStateLabel(slot, at('2026-12-06T09:00:00Z'))).toMatchObject({ state: 'upcoming', label: 'upcoming', kind: 'info' });
    expect(slotStateLabel(slot, at('2026-12-06T10:30:00Z'))).toMatchObject({ state: 'open', label: 'open', kind: 'success' });
    expect(slotStateLabel(slot, at('2026-12-06T12:00:00Z'))).toMatchObject({ state: 'closed', label: 'closed', kind: 'neutral' });
    expect(slotStateLabel({ ...slot, isOpen: false }, at('2026-12-06T09:00:00Z'))).toMatchObject({ label: 'not published', kind: 'warning' });
  });

  it('renders as a badge with the state and its meaning', () => {
    const el = slotStateBadge({ startsAt, endsAt, isOpen: true }, at('2026-12-06T10:30:00Z'));
    expect(el.textContent).toBe('open');
    expect(el.dataset.state).toBe('open');
    expect(el.dataset.testid).toBe('slot-state');
    expect(el.className).toBe('badge badge-success');
    expect(el.title).toMatch(/start or resume/);
  });

  it('is the only place pages get a slot state word from', () => {
    // The old words, each page with its own: "running"/"ended" (rooms), "open"/"closed" from isOpen (teacher).
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else pages.push(path);
      }
    };
    walk(join(__dirname, '..', 'src', 'pages'));
    for (const page of pages) {
      const source = readFileSync(page, 'utf8');
      expect(source, page).not.toMatch(/badge\('(open|closed|upcoming|running|ended)'/);
      expect(source, page).not.toMatch(/isOpen \? badge\(/);
    }
  });
});
