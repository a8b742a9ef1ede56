/** Keys typed while an account lookup was out: digits, and whether Enter followed them. */
export interface TypeAhead {
  text: string;
  enter: boolean;
}

// The screen moves the focus to its next field in an effect after the lookup's answer renders; until then
// there is no field to type into. Longer than any render, short enough that stray keys never land later.
const WAIT_MS = 1000;

/**
 * Types what was held into the next text field that takes the focus, as the teller would have: React's
 * controlled inputs see an input event through the native value setter, and Enter as a keydown. `keys` may
 * still grow until then (the answer came, the focus has not moved yet); `done` says the holding is over.
 */
export const replayOnNextFocus = (keys: TypeAhead, done: () => void) => {
  const onFocus = (e: FocusEvent) => {
    const field = e.target;
    if (!(field instanceof HTMLInputElement)) return;
    stop();
    if (keys.text === '' && !keys.enter) return;
    // At once, before any key the teller types next reaches the field; Enter once the value has rendered.
    if (keys.text) {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(field, field.value + keys.text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (keys.enter) setTimeout(() => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })), 0);
  };
  const timer = setTimeout(() => stop(), WAIT_MS);
  const stop = () => {
    clearTimeout(timer);
    document.removeEventListener('focusin', onFocus);
    done();
  };
  document.addEventListener('focusin', onFocus);
};
