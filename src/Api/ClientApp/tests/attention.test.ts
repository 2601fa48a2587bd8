import { describe, expect, it } from 'vitest';
import { isUrgent, setSoundEnabled, soundEnabled } from '../src/lib/attention';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('attention', () => {
  it('keeps the sound off by default and remembers the choice', () => {
    const storage = memoryStorage();
    expect(soundEnabled(storage)).toBe(false);
    setSoundEnabled(true, storage);
    expect(soundEnabled(storage)).toBe(true);
    setSoundEnabled(false, storage);
    expect(soundEnabled(storage)).toBe(false);
  });

  it('treats only high and critical alerts as urgent', () => {
    expect(isUrgent({ severity: 'critical' })).toBe(true);
    expect(isUrgent({ severity: 'high' })).toBe(true);
    expect(isUrgent({ severity: 'medium' })).toBe(false);
    expect(isUrgent({ severity: 'low' })).toBe(false);
  });
});
