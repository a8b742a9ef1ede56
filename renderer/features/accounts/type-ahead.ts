import { typeInto } from '../../components/type-into';

/** Keys typed while an account lookup was out: digits, and whether Enter followed them. */
export interface TypeAhead {
  text: string;
  enter: boolean;
}

// The screen moves the focus to its next field in an effect after the lookup's answer renders, well within
// this; a screen that moves it nowhere gets the keys back in the field they were typed in.
const WAIT_MS = 300;

const typeHeld = (field: HTMLInputElement, keys: TypeAhead) => {
  typeInto(field, keys.text);
  // Enter once the typed value has rendered into the field's handler.
  if (keys.enter) setTimeout(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })), 0);
};

/**
 * Types what was held into the next text field that takes the focus, at once, before any key the teller types
 * next reaches it; or, if none does in time, back into `origin`, where the teller typed it. `keys` may still grow
 * until then (the answer came, the focus has not moved yet); `done` says the holding is over.
 */
export const replayOnNextFocus = (keys: TypeAhead, origin: HTMLInputElement | null, done: () => void) => {
  const onFocus = (e: FocusEvent) => {
    if (!(e.target instanceof HTMLInputElement) || e.target === origin) return;
    stop();
    typeHeld(e.target, keys);
  };
  const timer = setTimeout(() => {
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
