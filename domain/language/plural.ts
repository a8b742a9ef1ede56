/** `1 retiro`, `2 retiros`: a count and its noun, in the singular only for one. */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
