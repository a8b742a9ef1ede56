import { PLAZAS, type Plaza } from './plazas';

/**
 * A district's designation, which tellers and slips often leave out: "Bogotá D.C." is Bogotá, "Cartagena de
 * Indias D. T. y C." is Cartagena de Indias. Matched after punctuation became spaces.
 */
const DISTRICT = / (D ?C|DISTRITO CAPITAL|D ?T ?Y ?C|D ?T ?C ?H|D ?E ?I ?P|D ?E|D ?T)$/;

/** As typed, without accents, case, punctuation or extra spaces ("Bogotá, D.C." → "BOGOTA D C"). */
const foldTyped = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A place name as compared: no accents, case, punctuation, extra spaces or district designation. */
export const foldPlaceName = (name: string): string => foldTyped(name).replace(DISTRICT, '');

const namesOf = (p: Plaza): string[] => [p.name, ...(p.aliases ?? [])].map(foldPlaceName);
/** Searched while typing: with and without the designation, so "Bogotá D" still lists Bogotá D.C. */
const typedNamesOf = (p: Plaza): string[] => [...new Set([...namesOf(p), ...[p.name, ...(p.aliases ?? [])].map(foldTyped)])];
const INDEX: readonly { plaza: Plaza; names: string[]; typed: string[]; own: string[] }[] = PLAZAS.map((plaza) => ({
  plaza,
  names: namesOf(plaza),
  typed: typedNamesOf(plaza),
  own: [...new Set([foldPlaceName(plaza.name), foldTyped(plaza.name)])],
}));

export const findPlaza = (code: string): Plaza | undefined => PLAZAS.find((p) => p.code === code.trim());

/** The listed plaza a text names exactly (its DANE code, name or a known alias, however accented or cased). */
export const resolvePlaza = (text: string): Plaza | undefined => {
  if (/^\s*\d{5}\s*$/.test(text)) return findPlaza(text);
  const folded = foldPlaceName(text);
  return folded === '' ? undefined : INDEX.find((e) => e.names.includes(folded))?.plaza;
};

/**
 * The plazas a teller may mean while typing, best first: the name typed in full, names that start with what was
 * typed, then names with a word that starts with it, then names that contain it. Digits search the DANE code.
 */
export const searchPlazas = (typed: string, limit = 8): Plaza[] => {
  const q = foldTyped(typed);
  if (q === '') return [];
  if (/^\d+$/.test(q)) return PLAZAS.filter((p) => p.code.startsWith(q)).slice(0, limit);
  const rank = (names: string[]): number => {
    if (names.includes(q)) return -1;
    if (names.some((n) => n.startsWith(q))) return 0;
    if (names.some((n) => n.split(' ').some((w) => w.startsWith(q)))) return 1;
    return names.some((n) => n.includes(q)) ? 2 : 3;
  };
  // A plaza's own name before its former names: "santa" is Santa Marta before Bogotá ("Santafé de Bogotá"),
  // since ↓ Enter takes the first one.
  const best = (e: (typeof INDEX)[number]): number => Math.min(rank(e.own), rank(e.typed) + 0.5);
  return INDEX.map((e) => ({ plaza: e.plaza, rank: best(e) }))
    .filter((x) => x.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.plaza.name.localeCompare(b.plaza.name, 'es'))
    .slice(0, limit)
    .map((x) => x.plaza);
};

/** Edit distance with transpositions ("Bogta", "Medelin", "Clai" are one edit away). */
const distance = (a: string, b: string): number => {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
};

/** The listed plazas nearest to a text that names none (misspelt), closest first; none when nothing is close. */
export const nearestPlazas = (text: string, limit = 3): Plaza[] => {
  const q = foldPlaceName(text);
  if (q === '') return [];
  const typed = searchPlazas(text, limit);
  if (typed.length > 0) return typed;
  const within = Math.max(1, Math.floor(q.length / 3));
  return INDEX.map((e) => ({ plaza: e.plaza, d: Math.min(...e.names.map((n) => distance(q, n))) }))
    .filter((x) => x.d <= within)
    .sort((a, b) => a.d - b.d || a.plaza.name.localeCompare(b.plaza.name, 'es'))
    .slice(0, limit)
    .map((x) => x.plaza);
};

const spanishList = (names: string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} o ${names.at(-1) ?? ''}`);

/** What the teller reads when a plaza is not on the list: the nearest ones, and how to choose. */
export const unknownPlazaMessage = (text: string): string => {
  const several = searchPlazas(text, PLAZAS.length);
  if (several.length > 1) {
    // The first letters of several plazas: which one is for the teller to choose, not for Tab to guess.
    const named = several.slice(0, 3).map((p) => p.name);
    const which = several.length > 3 ? `${named.join(', ')} u otra de ${several.length} ciudades` : spanishList(named);
    return `La plaza "${text.trim()}" puede ser ${which}. Escriba más letras o elija la ciudad de la lista con ↓ y Enter.`;
  }
  const near = nearestPlazas(text).map((p) => p.name);
  const shown = text.trim() === '' ? 'La plaza del cheque está vacía' : `La plaza "${text.trim()}" no está en la lista de ciudades con canje`;
  const hint = near.length > 0 ? ` ¿Quiso decir ${spanishList(near)}?` : '';
  return `${shown}.${hint} Escriba las primeras letras de la ciudad y elíjala de la lista con Enter.`;
};

/**
 * Two names of the same place compare equal ("Bogotá" = "BOGOTA D.C." = "Santa Fe de Bogotá"): a listed
 * plaza's aliases fold to its name; anything else compares as written, folded.
 */
export const normalizeCity = (city: string): string => {
  const plaza = resolvePlaza(city);
  return plaza ? foldPlaceName(plaza.name) : foldPlaceName(city);
};
