/**
 * What a fast teller types while the screen is not ready for it (the sign-in being verified, Inicio reading the
 * till): a menu key, and what followed it for the screen that key opens. Pure: the window's listener
 * (useTypeAhead) feeds keys in and replays what is held.
 */
export interface Held {
  /** The start menu's key pressed first (F3, F4, t…): nothing is held before one. */
  menuKey: string | null;
  /** Printable keys typed after it, in order, Backspace applied: for the new screen's first field only. */
  text: string;
  /** Enter or Tab after the text: it ends what goes into that field, and is replayed there after the text. */
  end: 'Enter' | 'Tab' | null;
  /** Keys taken from the page but not kept (after the end, over the bound, or nothing a field takes). */
  dropped: number;
}

/** An account number is at most 20 digits and a document fewer: far beyond what a field before its screen needs. */
export const TYPE_AHEAD_MAX = 64;

export const NOTHING_HELD: Held = { menuKey: null, text: '', end: null, dropped: 0 };

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
 * screen); not taken, it goes where it would have gone. Before a menu key nothing but a menu key is taken (the
 * password field being verified keeps its own keys); after one, every key is, until the screen takes them.
 */
export const takeKey = (held: Held, k: Key, isMenuKey: (key: string) => boolean): { held: Held; taken: boolean } => {
  if (held.menuKey === null) return isMenuKey(k.key) ? { held: { ...NOTHING_HELD, menuKey: k.key }, taken: true } : { held, taken: false };
  if (MODIFIERS.has(k.key)) return { held, taken: false };
  // The teller changed their mind: nothing of it is acted on.
  if (k.key === 'Escape') return { held: NOTHING_HELD, taken: true };
  if (held.end === null) {
    if (printable(k) && held.text.length < TYPE_AHEAD_MAX) return { held: { ...held, text: held.text + k.key }, taken: true };
    if ((k.key === 'Enter' || (k.key === 'Tab' && !k.shiftKey)) && !k.ctrlKey && !k.altKey && !k.metaKey) return { held: { ...held, end: k.key }, taken: true };
    // As in a field: it takes back the last key typed, and does nothing in an empty one.
    if (k.key === 'Backspace') return { held: { ...held, text: [...held.text].slice(0, -1).join('') }, taken: true };
  }
  return { held: { ...held, dropped: held.dropped + 1 }, taken: true };
};
