import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTHING_HELD, TYPE_AHEAD_MAX, takeKey, type Held, type Key } from './type-ahead';

const MENU = new Set(['F2', 'F3', 'F4', 'F12', 't']);
const isMenuKey = (k: string) => MENU.has(k);
const plain = (key: string, more: Partial<Key> = {}): Key => ({ key, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...more });

const feed = (keys: Key[], from: Held = NOTHING_HELD) => {
  let held = from;
  const taken: boolean[] = [];
  for (const k of keys) {
    const r = takeKey(held, k, isMenuKey);
    held = r.held;
    taken.push(r.taken);
  }
  return { held, taken };
};

/** What the first field would hold had it been there: printable keys and Backspace up to Enter/Tab, after the menu key. */
const asAField = (keys: Key[]) => {
  let text: string[] = [];
  let end: 'Enter' | 'Tab' | null = null;
  for (const k of keys) {
    if (end) break;
    if (k.key === 'Escape') return null;
    if (k.key === 'Enter' || k.key === 'Tab') end = k.key;
    else if (k.key === 'Backspace') text = text.slice(0, -1);
    else if (text.length < TYPE_AHEAD_MAX) text.push(k.key);
  }
  return { text: text.join(''), end };
};

const typed = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...'0123456789abcxyzñé ,.-'.split('')).map((c) => plain(c)) },
  { weight: 1, arbitrary: fc.constantFrom('Enter', 'Tab', 'Backspace').map((c) => plain(c)) },
);

describe('keys typed ahead of a screen (the sign-in being verified, Inicio reading the till)', () => {
  it('holds nothing and takes no key before a menu key: the field being typed in keeps its keys', () => {
    fc.assert(
      fc.property(fc.array(typed.filter((k) => !isMenuKey(k.key))), (keys) => {
        const { held, taken } = feed(keys);
        expect(held).toEqual(NOTHING_HELD);
        expect(taken.every((t) => !t)).toBe(true);
      }),
    );
  });

  it('after a menu key takes every key from the page and keeps, in order, what the first field would hold, bounded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MENU), fc.array(typed, { maxLength: 150 }), (menuKey, keys) => {
        const { held, taken } = feed([plain(menuKey), ...keys]);
        const field = asAField(keys);
        expect(taken.every((t) => t)).toBe(true);
        expect(held.menuKey).toBe(menuKey);
        expect(held.text).toBe(field?.text);
        expect(held.end).toBe(field?.end);
        expect(held.text.length).toBeLessThanOrEqual(TYPE_AHEAD_MAX);
        // Every key after the end (and every printable one over the bound) is counted, never silently gone.
        const endAt = keys.findIndex((k) => k.key === 'Enter' || k.key === 'Tab');
        const after = endAt < 0 ? 0 : keys.length - endAt - 1;
        expect(held.dropped).toBeGreaterThanOrEqual(after);
      }),
    );
  });

  it('takes a second menu key as one more key for the held screen, never as a second screen', () => {
    const { held } = feed([plain('F3'), plain('1'), plain('F4'), plain('2')]);
    expect(held).toEqual({ menuKey: 'F3', text: '12', end: null, dropped: 1 });
  });

  it('lets go of everything on Escape', () => {
    expect(feed([plain('F3'), plain('1'), plain('Escape')]).held).toEqual(NOTHING_HELD);
    expect(feed([plain('F3'), plain('1'), plain('Escape'), plain('2')]).taken).toEqual([true, true, true, false]);
  });

  it('neither keeps nor hides modifiers, and keeps no chord (Ctrl+V, Shift+Tab) for the field', () => {
    const { held, taken } = feed([plain('F3'), plain('Shift'), plain('A', { shiftKey: true }), plain('v', { ctrlKey: true }), plain('Tab', { shiftKey: true })]);
    expect(taken).toEqual([true, false, true, true, true]);
    expect(held).toEqual({ menuKey: 'F3', text: 'A', end: null, dropped: 2 });
  });

  it('counts what comes over the bound', () => {
    const { held } = feed([plain('F3'), ...Array.from({ length: TYPE_AHEAD_MAX + 3 }, () => plain('9'))]);
    expect(held.text).toBe('9'.repeat(TYPE_AHEAD_MAX));
    expect(held.dropped).toBe(3);
  });
});
