import { useState } from 'react';
import type { AppErrorShape } from '../../domain/contract/channel';

type Shown = AppErrorShape | string | null;

/**
 * A screen's error kept with the input it was about (what was reviewed or posted). Once the teller changes that
 * input the error no longer describes what is on screen: it goes, and `outdated` says a review is due. A review
 * list stayed on screen after the amount changed and tellers corrected errors that were no longer there.
 * An answer that arrives after the teller changed something is about the old input, so it is not shown either.
 */
export const useInputError = (input: unknown): { error: Shown; setError: (error: Shown) => void; outdated: boolean } => {
  const about = JSON.stringify(input) ?? '';
  const [state, setState] = useState<{ error: Shown; about: string; outdated: boolean }>({ error: null, about, outdated: false });
  // Adjusted while rendering (React's pattern for state derived from a change), so a stale list is never painted.
  if (state.about !== about && (state.error !== null || state.outdated)) setState({ error: null, about, outdated: state.error !== null || state.outdated });
  return { error: state.error, setError: (error) => setState({ error, about, outdated: false }), outdated: state.outdated };
};
