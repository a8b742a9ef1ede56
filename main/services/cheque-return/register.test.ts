import fc from 'fast-check';
import { expect, it } from 'vitest';
import { earlierReturns, ordinalOf, returnReference } from './register';

/**
 * The numbering rule of register.ts as a state machine: the cheques of one deposit (taken at 001-01) are returned
 * one by one at any workstation of the branch, each knowing its own returns and, each time anew, any part of the
 * others' (central's list when it answered, rows it followed). Whatever each knew, no two papers share a number.
 */
it('the returns of one deposit at any workstations, knowing any part of the others each time, never share a number', () => {
  const stations = ['001-01', '001-02', '001-03'];
  fc.assert(
    fc.property(
      fc.array(fc.record({ at: fc.constantFrom(...stations), knows: fc.array(fc.boolean(), { maxLength: 12 }) }), { minLength: 1, maxLength: 12 }),
      (returns) => {
        const done: { at: string; reference: string }[] = [];
        for (const { at, knows } of returns) {
          const known = done.filter((d, i) => d.at === at || knows[i] === true).length;
          const own = done.filter((d) => d.at === at).map((d) => d.reference);
          done.push({ at, reference: returnReference('001-01-000045', earlierReturns(known, own), at === '001-01' ? null : at) });
        }
        expect(new Set(done.map((d) => d.reference)).size).toBe(done.length);
      },
    ),
  );
});

it('names the first return -DEV, the next -DEV2…, a return numbered at another workstation carries its id, and reads the place back', () => {
  expect(returnReference('001-01-000045')).toBe('001-01-000045-DEV');
  expect(returnReference('001-01-000045', 1)).toBe('001-01-000045-DEV2');
  expect(returnReference('001-01-000045', 11, '001-02')).toBe('001-01-000045-DEV12-001-02');
  expect(['001-01-000045-DEV', '001-01-000045-DEV2', '001-01-000045-DEV12-001-02', '001-01-000045-DEV-001-02'].map(ordinalOf)).toEqual([1, 2, 12, 1]);
});
