import { useState, type KeyboardEvent } from 'react';
import './pick-field.css';
import { sureChoice } from './sure-choice';

export interface PickOption {
  readonly key: string;
  readonly label: string;
  readonly detail?: string;
}

interface Props {
  id: string;
  label: string;
  /** What the field shows: what the teller typed, or the name of what was picked. */
  text: string;
  onText: (text: string) => void;
  /** What the typed text may mean, best first; the first is highlighted. */
  options: readonly PickOption[];
  /** The option the text names without doubt (a full code or name), if any: Tab and Enter take it. */
  exact?: string | null;
  onPick: (option: PickOption) => void;
  /** Shown once the teller leaves the field, or presses Enter while the text names no one entry for sure. */
  invalid: string | null;
  listLabel: string;
  size?: number;
  autoFocus?: boolean;
}

/**
 * A field whose value comes from a list, keyboard first: typing filters, ↑/↓ move, Esc closes the list. Tab and
 * Enter take only a choice already made (`sureChoice`): the entry moved to with ↑/↓, the one the text names
 * exactly, or the only one listed. A fast Tab or Enter after the first digit of a code took the first bank that
 * starts with it; now the field stays as typed and says which entries it may be (Enter keeps the list open).
 */
export const PickField = ({ id, label, text, onText, options, exact, onPick, invalid, listLabel, size, autoFocus }: Props) => {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [moved, setMoved] = useState(false);
  const [left, setLeft] = useState(false);
  const shown = open ? options : [];
  const listId = `${id}-list`;
  const pick = (o: PickOption) => {
    onPick(o);
    setOpen(false);
    setLeft(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const sure = sureChoice(shown, active, moved, exact);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      setMoved(true);
      // The first entry is highlighted from the start: the first ↓ chooses it rather than skipping to the second.
      if (!moved && e.key === 'ArrowDown') return undefined;
      const n = options.length;
      if (n > 0) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter') {
      if (sure) {
        e.preventDefault();
        e.stopPropagation();
        pick(sure);
      } else if (shown.length > 0 || invalid) {
        e.preventDefault();
        e.stopPropagation();
        setLeft(true);
      }
    } else if (e.key === 'Tab' && sure) {
      pick(sure);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };
  const error = left ? invalid : null;
  return (
    <div className="field pick-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        size={size}
        autoFocus={autoFocus}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown.length > 0 ? `${listId}-${Math.min(active, shown.length - 1)}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(e.target.value.trim() !== '');
          setActive(0);
          setMoved(false);
          setLeft(false);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setLeft(true);
        }}
      />
      {shown.length > 0 ? (
        // tabIndex -1: Chromium makes a scrolling list a Tab stop; Tab landed on it, the blur closed it and the
        // focus fell to the page, so what the teller typed next went nowhere.
        <ul className="pick-list" role="listbox" id={listId} aria-label={listLabel} tabIndex={-1}>
          {shown.map((o, i) => (
            <li
              key={o.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === Math.min(active, shown.length - 1)}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              {o.label}
              {o.detail ? <span className="muted"> · {o.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
};
