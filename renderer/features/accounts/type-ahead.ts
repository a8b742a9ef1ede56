import type { Held } from '../../components/type-ahead';
import { typeInto } from '../../components/type-into';

/** What the keys typed while an account is looked up are held for: the field the screen focuses after it. */
export const NEXT_FIELD = 'next-field';

// The screen moves the focus to its next field in an effect after the lookup's answer renders, well within
// this; a screen that moves it nowhere gets the keys back in the field they were typed in.
const WAIT_MS = 300;

const typeHeld = (field: HTMLInputElement, keys: Held) => {
  typeInto(field, keys.text);
  // Enter once the typed value has rendered into the field's handler.
  if (keys.end === 'Enter') setTimeout(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })), 0);
};

/**
 * Types what is held (`held()`, read when it is placed) into the next text field that takes the focus, at once,
 * before any key the teller types next reaches it; or, if none does in time, back into `origin`, where the teller
 * typed it. What is held may still grow until then (the answer came, the focus has not moved yet); `done` says the
 * holding is over.
 */
export const replayOnNextFocus = (held: () => Held, origin: HTMLInputElement | null, done: () => void) => {
  const onFocus = (e: FocusEvent) => {
    if (!(e.target instanceof HTMLInputElement) || e.target === origin) return;
    const keys = held();
    stop();
    typeHeld(e.target, keys);
  };
  const timer = setTimeout(() => {
    const keys = held();
    stop();
    if (origin?.isConnected) typeHeld(origin, keys);
  }, WAIT_MS);
  const stop = () => {
    clearTimeout(timer);
    document.removeEventListener('focusin', onFocus);
    done();
  };
  document.addEventListener('focusin', onFocus);
};
