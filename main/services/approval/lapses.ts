/**
 * When the core writes down that supervisor requests lapsed. A request lapses at its deadline whether anyone looks or
 * not, but nothing in the core runs on a timer for it (time is the injected clock): the lapse is written — saved
 * `vencida`, journaled once by lapseRequest — at the first of these moments after the deadline. They are the fewest
 * after which the journal holds every lapse that happened before them:
 * - the core's start: what lapsed while the workstation was off (overnight, the usual case) or down;
 * - a journal search (F5, and the audit that reads it): what it finds is the whole story up to now;
 * - the till's close: its journal entry (whose hash the report prints and central anchors) follows every lapse of
 *   the day, so the day's journal closes complete.
 * Verifying and anchoring the chain read its hashes, not what it tells, and need not wait for it. Apart from these,
 * what tells a lapse (Inicio, the teller's own waiting panel, a supervisor's decision) records it first, for itself.
 */
export const lapseRecorder =
  (sources: readonly { lapseDue(): number }[]) =>
  (): number =>
    sources.reduce((n, s) => n + s.lapseDue(), 0);
