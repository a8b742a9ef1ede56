import { useEffect, useState, type KeyboardEvent } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What Tab reaches inside `root`, in the page's order: enabled, shown, not inert, not taken out of the Tab order. */
export const focusableIn = (root: ParentNode): HTMLElement[] =>
  [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[inert]'));

/**
 * A dialog's keydown: Tab and Shift+Tab cycle inside it. A modal <dialog> alone lets Tab past its last button out
 * to <body>, where Enter, Esc and the F-keys reach nothing and the teller is stuck with the mouse.
 */
export const trapTab = (e: KeyboardEvent<HTMLElement>): void => {
  if (e.key !== 'Tab') return;
  const box = e.currentTarget;
  const items = focusableIn(box);
  const at = document.activeElement;
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    e.preventDefault();
    return;
  }
  const wraps = !(at instanceof Node) || !box.contains(at) || at === (e.shiftKey ? first : last);
  if (!wraps) return;
  e.preventDefault();
  (e.shiftKey ? last : first).focus();
};

/**
 * Gives the focus back, when the dialog goes, to what held it when the dialog came (the field being typed in),
 * unless something else took it meanwhile: removing an open dialog leaves the focus on <body>.
 */
/** Nothing holds the focus: a button that went away (or a dialog removed) leaves it on <body>, where keys reach nothing. */
export const focusIsNowhere = (): boolean => document.activeElement === null || document.activeElement === document.body;

export const useRestoreFocus = (): void => {
  const [before] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (before instanceof HTMLElement && before.isConnected && focusIsNowhere()) before.focus();
    },
    [before],
  );
};
