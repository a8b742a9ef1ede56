import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { plural } from '../../domain/language/plural';
import { typeInto } from '../components/type-into';
import { NOTHING_HELD, takeKey, type Held } from './type-ahead';

// The new screen focuses its first field as it mounts (autoFocus) or in the effect right after: far within this.
const FIRST_FIELD_MS = 1000;

const TEXT_TYPES = new Set(['text', 'search', 'tel', 'email', 'url']);

/** A field the held text may go into: one that shows what is typed in it. Never a password, a list or a button. */
const textField = (el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement =>
  ((el instanceof HTMLInputElement && TEXT_TYPES.has(el.type)) || el instanceof HTMLTextAreaElement) && !el.readOnly && !el.disabled;

/** What Tab would focus after `from`: the next enabled, shown element in the page's order that takes the focus. */
const nextTabbable = (from: Element): HTMLElement | null => {
  const all = [...document.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href], [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLInputElement).disabled && el.getClientRects().length > 0 && !el.closest('[inert]'),
  );
  return all[all.indexOf(from as HTMLElement) + 1] ?? null;
};

const isFKey = (key: string) => /^F([1-9]|1[0-2])$/.test(key);

const NOT_TAKEN = (n: number) =>
  `No se ${n === 1 ? 'tomó' : 'tomaron'} ${plural(n, 'tecla escrita', 'teclas escritas')} antes de abrirse la pantalla (su primer campo recibe lo escrito solo hasta Enter o Tab): escríba${n === 1 ? 'la' : 'las'} de nuevo.`;
const NO_FIELD = 'Lo escrito antes de abrirse la pantalla no se tomó: la pantalla no empieza en un campo donde escribirlo.';

export interface SignInTypeAhead {
  /** Enter on the sign-in: until the session comes (or `failed`), an F-key and what follows it are held. */
  started: (username: string) => void;
  /** Refused or unanswered: what was held was for no one, and is let go. */
  failed: () => void;
}

/**
 * Type-ahead across the sign-in: a menu key pressed while the sign-in is verified ("Verificando…", F-keys only:
 * the password field keeps its letters) or while Inicio reads the till ("Consultando la caja…"), and what the
 * teller types after it, are kept from the page (never typed into the password field) and, once Inicio knows the
 * till (`release`), the key opens its screen and the rest is typed into the first field that screen focuses, and
 * nowhere else: printable keys, then the Enter or Tab that ended them. Let go of at a lock, a sign-out, another
 * user, a failed sign-in or Escape; a screen that cannot open or take the keys is said on a line, not typed over.
 */
export const useTypeAhead = ({
  reading,
  sessionState,
  username,
  isMenuKey,
}: {
  /** Inicio is up for the signed-in user and waits for their till. */
  reading: boolean;
  sessionState: 'signed_out' | 'active' | 'locked' | null;
  username: string | null;
  isMenuKey: (key: string) => boolean;
}) => {
  const held = useRef<Held>(NOTHING_HELD);
  // The username whose sign-in is being verified (null: none is).
  const verifyingAs = useRef<string | null>(null);
  // Cancels the wait for the opened screen's first field (null: none is awaited).
  const placing = useRef<(() => void) | null>(null);
  const [line, setLine] = useState<string | null>(null);
  const live = useRef({ reading, active: sessionState === 'active', isMenuKey });
  useLayoutEffect(() => {
    live.current = { reading, active: sessionState === 'active', isMenuKey };
  });

  const letGo = useCallback(() => {
    held.current = NOTHING_HELD;
    verifyingAs.current = null;
    placing.current?.();
    placing.current = null;
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const now = live.current;
      const verifying = verifyingAs.current !== null && !now.active;
      if (!verifying && !now.reading && !placing.current) return;
      // The lock's own (App's handler): locking lets go of what is held.
      if (e.key === 'F11' && now.active) return;
      // The held key kept down: one key, not more typed for the screen.
      if (e.repeat && e.key === held.current.menuKey) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const r = takeKey(held.current, e, verifying ? (k) => isFKey(k) && now.isMenuKey(k) : now.isMenuKey);
      held.current = r.held;
      if (!r.taken) return;
      // Kept from the page: from the password field, the sign-in form's own F2, the menu behind.
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  // Never across users or a lock: what was typed was for the session it was typed in.
  const before = useRef<string | null>(null);
  useLayoutEffect(() => {
    const previous = before.current;
    before.current = username;
    if (sessionState === 'active' && verifyingAs.current !== null) {
      const as = verifyingAs.current;
      verifyingAs.current = null;
      if (username?.trim().toLowerCase() !== as.trim().toLowerCase()) letGo();
      return;
    }
    if (sessionState === 'signed_out' && verifyingAs.current !== null) return;
    if (sessionState !== 'active' || (previous !== null && previous !== username)) {
      letGo();
      setLine(null);
    }
  }, [sessionState, username, letGo]);

  const signIn: SignInTypeAhead = {
    started: (name) => {
      letGo();
      verifyingAs.current = name;
    },
    failed: () => {
      if (verifyingAs.current !== null) letGo();
    },
  };

  /** The screen has opened: types what is held into its first field, if that is where the focus went first. */
  const awaitFirstField = () => {
    let timer: ReturnType<typeof setTimeout>;
    const finish = (message: string | null) => {
      document.removeEventListener('focusin', onFocus);
      clearTimeout(timer);
      placing.current = null;
      held.current = NOTHING_HELD;
      setLine(message);
    };
    const place = (field: HTMLInputElement | HTMLTextAreaElement) => {
      const h = held.current;
      if (document.activeElement !== field) return finish(h.text || h.end ? NO_FIELD : null);
      const noRoom = typeInto(field, h.text);
      const dropped = h.dropped + noRoom;
      if (h.end === null) return finish(dropped ? NOT_TAKEN(dropped) : null);
      // Once the typed value has rendered into the field's handlers; keys meanwhile are still held (and counted).
      timer = setTimeout(() => {
        const more = held.current.dropped - h.dropped;
        // Done holding first: the Enter below must reach the field, not be held as one more key.
        finish(dropped + more ? NOT_TAKEN(dropped + more) : null);
        if (h.end === 'Enter') field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        else nextTabbable(field)?.focus();
      }, 0);
    };
    const onFocus = (e: FocusEvent) => {
      document.removeEventListener('focusin', onFocus);
      clearTimeout(timer);
      const h = held.current;
      if (!textField(e.target)) return finish(h.text || h.end ? NO_FIELD : h.dropped ? NOT_TAKEN(h.dropped) : null);
      const field = e.target;
      // After the commit that focused it: keys typed until then are still held, in order.
      timer = setTimeout(() => place(field), 0);
    };
    timer = setTimeout(() => {
      const h = held.current;
      finish(h.text || h.end ? NO_FIELD : h.dropped ? NOT_TAKEN(h.dropped) : null);
    }, FIRST_FIELD_MS);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('focusin', onFocus);
      clearTimeout(timer);
    };
  };

  /**
   * Acts on the held menu key, if any: `open` opens its screen and answers null, or answers why it cannot (said on
   * the line, with what was typed after it let go, never typed into Inicio).
   */
  const release = (open: (menuKey: string) => string | null) => {
    const h = held.current;
    if (h.menuKey === null || placing.current) return;
    const more = h.text !== '' || h.end !== null || h.dropped > 0;
    // Listening before the screen mounts: its autoFocus comes in the commit that shows it.
    if (more) placing.current = awaitFirstField();
    else held.current = NOTHING_HELD;
    const refusal = open(h.menuKey);
    if (refusal === null) return;
    letGo();
    setLine(more ? `${refusal} Lo que escribió después no se tomó.` : refusal);
  };

  /** Held keys are on their way to the screen a held key opened: no one else should take the focus meanwhile. */
  const placingKeys = useCallback(() => placing.current !== null, []);

  return { signIn, release, letGo, line, placingKeys, clearLine: useCallback(() => setLine(null), []) };
};
