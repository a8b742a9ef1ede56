import type { Ref } from 'react';

/**
 * "Reintentar …" of a paper that failed on a posted screen (the receipt, the slip's validation). The posted screen
 * takes Enter for "Nueva operación"; on this button Enter means retry, so the key stops here.
 */
export const RetryButton = ({ ref, busy, onRetry, children }: { ref: Ref<HTMLButtonElement>; busy: boolean; onRetry: () => void; children: string }) => (
  <button
    ref={ref}
    type="button"
    disabled={busy}
    onClick={onRetry}
    onKeyDown={(e) => {
      if (e.key === 'Enter') e.stopPropagation();
    }}
  >
    {children} <kbd>Enter</kbd>
  </button>
);
