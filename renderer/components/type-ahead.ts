/**
 * What a fast teller types while the screen is not ready for it (the sign-in being verified, Inicio reading the
 * till, an account being looked up, the closed till being read): what the keys are for, and what was typed for the
 * first field there. Pure: each screen's listener feeds keys in and places what is held (typeInto).
 */
export interface Held {
  /**
   * What the keys are for: the start menu's key pressed first (F3, F4, t…), whose screen's first field takes them,
   * or a field the holding screen will show (`heldFor`). Nothing is held before one.
   */
  target: string | null;
  /** Printable keys typed for it, in order, Backspace applied. */
  text: string;
  /** Enter or Tab after the text: it ends what goes into that field, and is replayed there after the text. */
  end: 'Enter' | 'Tab' | null;
  /** Keys taken from the page but not kept (after the end, over the bound, or nothing a field takes). */
  dropped: number;
}

/** An account number is at most 20 digits and a document fewer: far beyond what a field before its screen needs. */
export const TYPE_AHEAD_MAX = 64;

export const NOTHING_HELD: Held = { target: null, text: '', end: null, dropped: 0 };

/** Holding begun for a field the screen knows it will show (its name), before any key. */
export const heldFor = (target: string): Held => ({ ...NOTHING_HELD, target });

export interface Key {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

// Pressed on the way to another key: neither kept nor counted, nor kept from the page.
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Dead']);

const printable = (k: Key) => !k.ctrlKey && !k.altKey && !k.metaKey && [...k.key].length === 1;

/**
 * What one key does to what is held. `taken`: the page must not see it (it is held, or refused for the held
 * target); not taken, it goes where it would have gone. With no target nothing but a menu key is taken (the
 * password field being verified keeps its own keys) and it becomes the target; with one, every key is, until the
 * screen takes them. `max`: the most text kept (the field's own bound when it is longer than TYPE_AHEAD_MAX).
 */
export const takeKey = (held: Held, k: Key, isMenuKey: (key: string) => boolean = () => false, max = TYPE_AHEAD_MAX): { held: Held; taken: boolean } => {
  if (held.target === null) return isMenuKey(k.key) ? { held: heldFor(k.key), taken: true } : { held, taken: false };
  if (MODIFIERS.has(k.key)) return { held, taken: false };
  // The teller changed their mind: nothing of it is acted on.
  if (k.key === 'Escape') return { held: NOTHING_HELD, taken: true };
  if (held.end === null) {
    if (printable(k) && held.text.length < max) return { held: { ...held, text: held.text + k.key }, taken: true };
    if ((k.key === 'Enter' || (k.key === 'Tab' && !k.shiftKey)) && !k.ctrlKey && !k.altKey && !k.metaKey) return { held: { ...held, end: k.key }, taken: true };
    // As in a field: it takes back the last key typed, and does nothing in an empty one.
    if (k.key === 'Backspace') return { held: { ...held, text: [...held.text].slice(0, -1).join('') }, taken: true };
  }
  return { held: { ...held, dropped: held.dropped + 1 }, taken: true };
};
