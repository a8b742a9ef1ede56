/**
 * The entry of a pick list that a key may take without guessing, or none: the entry the teller moved to with
 * ↑/↓, the one the text names exactly (a full code or name), or the only one listed. The highlighted first
 * entry alone is no choice: "0" highlights 001 yet names every bank. Tab and Enter both take only this.
 */
export const sureChoice = <T extends { readonly key: string }>(shown: readonly T[], active: number, moved: boolean, exact: string | null | undefined): T | undefined => {
  const current = shown[Math.min(active, shown.length - 1)];
  if (!current) return undefined;
  if (moved) return current;
  return shown.find((o) => o.key === exact) ?? (shown.length === 1 ? current : undefined);
};
