import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLEARING_BANKS, resolveBank, searchBanks } from '../../../domain/cheque/banks';
import { resolvePlaza, searchPlazas } from '../../../domain/cheque/plaza-match';
import { sureChoice } from './sure-choice';

// The lists as the cheque row builds them: what the typed text may mean, and what it names without doubt.
const banks = (typed: string) => ({ shown: searchBanks(typed).map((b) => ({ key: b.code })), exact: resolveBank(typed)?.code ?? null });
const plazas = (typed: string) => ({ shown: searchPlazas(typed).map((p) => ({ key: p.code })), exact: resolvePlaza(typed)?.code ?? null });
const take = (list: { shown: { key: string }[]; exact: string | null }, active = 0, moved = false) => sureChoice(list.shown, active, moved, list.exact)?.key;

describe('what Tab and Enter take from a bank or plaza list', () => {
  it('takes a code or name typed in full, or the only one listed; a code typed halfway takes nothing', () => {
    expect(take(banks('0'))).toBeUndefined();
    expect(take(banks('1'))).toBeUndefined();
    expect(take(banks('01'))).toBeUndefined();
    expect(take(banks('7'))).toBe('007');
    expect(take(banks('bancol'))).toBe('007');
    expect(take(plazas('santa'))).toBeUndefined();
    expect(take(plazas('medellin'))).toBe('05001');
    expect(take(plazas('bogota'))).toBe('11001');
  });

  it('takes the entry moved to with the arrows, whatever the text', () => {
    expect(take(banks('0'), 0, true)).toBe('001');
    expect(take(banks('01'), 1, true)).toBe('012');
    expect(take(plazas('santa'), 0, true)).toBe(searchPlazas('santa')[0]?.code);
  });

  it('takes nothing from an empty list', () => {
    expect(sureChoice([], 0, true, '007')).toBeUndefined();
  });

  it('never lets the highlight alone decide: without an arrow, what is taken is the same whichever entry is lit, and is listed', () => {
    const typedCode = fc.stringMatching(/^\d{1,4}$/);
    const typedName = fc.constantFrom(...CLEARING_BANKS.flatMap((b) => [b.name, ...(b.aliases ?? [])])).chain((n) => fc.integer({ min: 1, max: n.length }).map((k) => n.slice(0, k)));
    fc.assert(
      fc.property(fc.oneof(typedCode, typedName), fc.nat(10), (typed, active) => {
        const list = banks(typed);
        const chosen = take(list, active);
        expect(chosen).toBe(take(list, 0));
        if (chosen !== undefined) expect(list.shown.map((o) => o.key)).toContain(chosen);
      }),
    );
  });
});
