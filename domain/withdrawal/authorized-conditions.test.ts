import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, AccountSchema } from '../accounts/account';
import type { AuthorizedPersonInput } from '../accounts/authorized';
import { DEFAULT_RULES } from '../rules-config/config';
import { TransferRequestSchema, evaluateTransfer } from '../transfer/evaluate';
import { type AuthorizedTaken, authorizedConditionsLine } from './authorized-conditions';
import { type WithdrawalEvaluation, evaluateWithdrawal } from './evaluate';
import { type WithdrawalRequestInput, WithdrawalRequestSchema } from './request';

const rules = DEFAULT_RULES;
const on = '2025-06-10';
const ana = { id: { type: 'CC', number: '1020304050' }, name: 'ANA PÉREZ' } as const;
const marta = { id: { type: 'CC', number: '52111222' }, name: 'MARTA RUIZ' } as const;
const luis = { id: { type: 'CC', number: '79123456' }, name: 'LUIS GÓMEZ' } as const;

const acc = (conditions: Omit<AuthorizedPersonInput, 'id' | 'name'> = {}, over: Record<string, unknown> = {}): Account =>
  AccountSchema.parse({
    number: '123456781234', kind: 'individual', owner: 'natural', holders: [ana], authorized: [{ ...marta, ...conditions }], state: 'activa',
    balances: { available: 50_000_000, inCanje: 0, onHold: 0 }, lastCustomerMovementOn: '2025-05-01', openedOn: '2020-03-01', city: 'Barranquilla',
    ...over,
  });
const till = { '100000': 500, '50000': 100, '20000': 100, '10000': 100, '5000': 50, '2000': 50, '1000': 50, '500': 50, '200': 50, '100': 50, '50': 50 };
const withdraw = (account: Account, over: Partial<WithdrawalRequestInput> = {}, takenToday: AuthorizedTaken[] = []): WithdrawalEvaluation =>
  evaluateWithdrawal(
    WithdrawalRequestSchema.parse({ accountNumber: account.number, amount: 400_000, presenters: [marta.id], payout: { kind: 'efectivo' }, ...over }),
    { account, on, tillStock: till, withdrawalsToday: { count: 0, amount: 0 }, gmfExemptUsedThisMonth: 0, customerMonthCashBefore: 0, authorizedTakenToday: takenToday },
    rules,
  );
const codes = (e: { ok: boolean; errors?: { code: string }[] }): string[] => (e.ok ? [] : (e.errors ?? []).map((x) => x.code));
const message = (e: WithdrawalEvaluation): string => (e.ok ? '' : e.errors.map((x) => x.message).join('\n'));
const toThirdParty = { kind: 'cheque-gerencia', number: '4455667', beneficiary: luis } as const;
const toHolder = { kind: 'cheque-gerencia', number: '4455668' } as const;

describe('an authorized person withdraws within the conditions the holders registered (seed 003 cl. 2.1, 3.5)', () => {
  const limited = { validUntil: '2025-06-30', maxPerWithdrawal: 500_000, payouts: 'efectivo' } as const;
  const table: [string, Account, Partial<WithdrawalRequestInput>, string[]][] = [
    ['cl. 2.1: no conditions registered (data from before): any amount, any payout, as always', acc(), { amount: 3_000_000, payout: toThirdParty }, []],
    ['cl. 3.5: within the validity, the maximum and cash', acc(limited), {}, []],
    ['cl. 3.5: the last valid day still pays', acc(limited), { amount: 500_000 }, []],
    ['cl. 3.5: the day after the validity is a hard refusal', acc({ ...limited, validUntil: '2025-06-09' }), {}, ['AUTHORIZATION_EXPIRED']],
    ['cl. 3.5: expired refuses whatever the amount and payout', acc({ ...limited, validUntil: '2025-06-09' }), { amount: 900_000, payout: toThirdParty }, ['AUTHORIZATION_EXPIRED']],
    ['cl. 3.5: one peso above the maximum is refused, with no approval', acc(limited), { amount: 500_050 }, ['AUTHORIZATION_AMOUNT_EXCEEDED']],
    ['cl. 3.5: cash only: a cheque de gerencia to a third party is out of scope', acc(limited), { payout: toThirdParty }, ['AUTHORIZATION_OUT_OF_SCOPE']],
    ['cl. 3.5: cash only: a cheque de gerencia to the holder is out of scope too', acc(limited), { payout: toHolder }, ['AUTHORIZATION_OUT_OF_SCOPE']],
    ['cl. 3.5: out of scope and above the maximum: both said at once', acc(limited), { amount: 800_000, payout: toThirdParty }, ['AUTHORIZATION_OUT_OF_SCOPE', 'AUTHORIZATION_AMOUNT_EXCEEDED']],
    ['cl. 3.5: a wider mandate covers a cheque to a third party', acc({ ...limited, payouts: 'efectivo-y-cheque' }), { payout: toThirdParty }, []],
    ['cl. 2.4.1: the holder alone orders it himself: the mandate\'s conditions do not bind him', acc({ ...limited, validUntil: '2025-01-01' }), { presenters: [ana.id], amount: 3_000_000 }, []],
    ['cl. 2.1: with the holder present, a lapsed person marked with him is still refused (the paper would name her)', acc({ ...limited, validUntil: '2025-01-01' }), { presenters: [ana.id, marta.id] }, ['AUTHORIZATION_EXPIRED']],
    ['cl. 2.1: with the holder present, an amount above the marked person\'s maximum is refused', acc(limited), { presenters: [ana.id, marta.id], amount: 600_000 }, ['AUTHORIZATION_AMOUNT_EXCEEDED']],
    ['cl. 2.1: with the holder present, a person marked within her mandate takes the money with him', acc(limited), { presenters: [ana.id, marta.id], amount: 450_000 }, []],
    ['cl. 4: a stranger is refused as before, not as an authorized person', acc(limited), { presenters: [luis.id] }, ['PERSON_NOT_AUTHORIZED']],
  ];
  it.each(table)('%s', (_, account, over, expected) => {
    expect(codes(withdraw(account, over))).toEqual(expected);
  });

  it('the refusals say whose authorization, the date or the maximum, and what to do next', () => {
    expect(message(withdraw(acc({ validUntil: '2025-06-09' })))).toBe(
      'La autorización de MARTA RUIZ venció el 09/06/2025: no puede disponer de la cuenta. El titular debe renovarla en la oficina o retirar él mismo (cláusulas 2.1 y 3.5).',
    );
    expect(message(withdraw(acc({ maxPerWithdrawal: 300_000 })))).toBe(
      'La autorización de MARTA RUIZ permite hasta $ 300.000 por operación y el valor es $ 400.000. Reduzca el valor: es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5).',
    );
    expect(message(withdraw(acc({ payouts: 'efectivo' }), { payout: toThirdParty }))).toContain('no puede retirar con cheque de gerencia');
    // With the holder there the holder alone may withdraw: the teller unmarks her rather than send the holder away.
    expect(message(withdraw(acc({ maxPerWithdrawal: 300_000 }), { presenters: [ana.id, marta.id] }))).toBe(
      'La autorización de MARTA RUIZ permite hasta $ 300.000 por operación y el valor es $ 400.000. Desmarque a MARTA RUIZ en «Presentes e identificados»: el titular presente puede retirar solo, y el comprobante no puede nombrar como quien recibe el dinero a quien no está autorizado para ello (cláusulas 2.1 y 3.5).',
    );
    // Two breaches, one way out: "Desmarque a …" is said once, after the last (QA s36: it was said twice).
    const both = withdraw(acc({ maxPerWithdrawal: 300_000, payouts: 'efectivo' }), { presenters: [ana.id, marta.id], payout: toThirdParty });
    expect(codes(both)).toEqual(['AUTHORIZATION_OUT_OF_SCOPE', 'AUTHORIZATION_AMOUNT_EXCEEDED']);
    expect(message(both).match(/Desmarque a MARTA RUIZ/g)).toHaveLength(1);
  });

  it('a transfer ordered by the authorized person is bound by the same conditions (it disposes of the funds too)', () => {
    const to = AccountSchema.parse({ ...acc(), number: '222222', holders: [luis], authorized: [] });
    const transfer = (account: Account, amount: number) =>
      evaluateTransfer(TransferRequestSchema.parse({ fromAccountNumber: account.number, toAccountNumber: '222222', amount, presenters: [marta.id] }), { from: account, to, on, gmfExemptUsedThisMonth: 0 }, rules);
    expect(codes(transfer(acc(), 2_000_000))).toEqual([]);
    expect(codes(transfer(acc({ payouts: 'efectivo' }), 100_000))).toEqual(['AUTHORIZATION_OUT_OF_SCOPE']);
    expect(codes(transfer(acc({ maxPerWithdrawal: 1_000_000 }), 1_000_001))).toEqual(['AUTHORIZATION_AMOUNT_EXCEEDED']);
    expect(codes(transfer(acc({ validUntil: '2025-06-01' }), 100_000))).toEqual(['AUTHORIZATION_EXPIRED']);
  });

  it('a cash-only person alone on a transfer is sent to Retiro (F4), not told to pay in cash (QA s37 Q6)', () => {
    const to = AccountSchema.parse({ ...acc(), number: '222222', holders: [luis], authorized: [] });
    const transferMessage = (account: Account): string => {
      const e = evaluateTransfer(TransferRequestSchema.parse({ fromAccountNumber: account.number, toAccountNumber: '222222', amount: 300_000, presenters: [marta.id] }), { from: account, to, on, gmfExemptUsedThisMonth: 0 }, rules);
      return e.ok ? '' : e.errors.map((x) => x.message).join('\n');
    };
    expect(transferMessage(acc({ payouts: 'efectivo', maxPerWithdrawal: 500_000 }))).toBe(
      'La autorización de MARTA RUIZ cubre solo retiros en efectivo pagados a MARTA RUIZ: no puede ordenar traslados a otra cuenta. MARTA RUIZ puede retirar en efectivo en Retiro (F4), hasta $ 500.000, o el titular debe ampliar la autorización en la oficina (cláusula 3.5).',
    );
    expect(transferMessage(acc({ payouts: 'efectivo' }))).toContain('MARTA RUIZ puede retirar en efectivo en Retiro (F4), o el titular');
    // On Retiro the payout is on the same screen: switching it to cash is the step.
    expect(message(withdraw(acc({ payouts: 'efectivo' }), { payout: toThirdParty }))).toContain('Pague en efectivo, o el titular debe ampliar');
  });

  it('cl. 3.5, fast-check: the maximum per withdrawal pays every amount up to it and refuses every amount above it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000_000 }), fc.integer({ min: 1, max: 400_000 }), (max, fifties) => {
        // Cash is paid in multiples of $ 50; the registered maximum may be any peso amount.
        const amount = fifties * 50;
        const e = withdraw(acc({ maxPerWithdrawal: max }), { amount });
        expect(codes(e)).toEqual(amount <= max ? [] : ['AUTHORIZATION_AMOUNT_EXCEEDED']);
      }),
    );
    // The boundary itself, exactly: the maximum pays, the next payable amount does not.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400_000 }), (fifties) => {
        const max = fifties * 50;
        expect(codes(withdraw(acc({ maxPerWithdrawal: max }), { amount: max }))).toEqual([]);
        expect(codes(withdraw(acc({ maxPerWithdrawal: max }), { amount: max + 50 }))).toEqual(['AUTHORIZATION_AMOUNT_EXCEEDED']);
      }),
    );
  });

  it('the Retiro screen reads the conditions beside the person', () => {
    const [limitedPerson] = acc({ validUntil: '2025-06-30', maxPerWithdrawal: 500_000, payouts: 'efectivo' }).authorized;
    const [expiredPerson] = acc({ validUntil: '2025-06-09' }).authorized;
    const [open] = acc().authorized;
    if (!limitedPerson || !expiredPerson || !open) throw new Error('no authorized person');
    expect(authorizedConditionsLine(limitedPerson, on)).toBe('Autorización vigente hasta 30/06/2025 · hasta $ 500.000 por retiro · solo efectivo a la persona autorizada');
    expect(authorizedConditionsLine(expiredPerson, on)).toBe('Autorización VENCIDA el 09/06/2025 · sin tope por retiro · efectivo, cheque de gerencia o traslado');
    expect(authorizedConditionsLine(open, on)).toBe('Autorización sin vencimiento · sin tope por retiro · efectivo, cheque de gerencia o traslado');
  });
});

describe('an authorized person\'s maximum per day (seed 003 cl. 3.5): the amount split into several withdrawals', () => {
  const daily = { maxPerWithdrawal: 500_000, maxPerDay: 800_000 } as const;
  const tookToday = (amount: number): AuthorizedTaken[] => [{ person: marta.id, amount }];
  const table: [string, Account, Partial<WithdrawalRequestInput>, AuthorizedTaken[], string[]][] = [
    ['no day maximum registered (data from before): nothing taken before counts', acc({ maxPerWithdrawal: 500_000 }), {}, tookToday(5_000_000), []],
    ['the first withdrawal of the day within the day maximum', acc(daily), {}, [], []],
    ['what she took before plus this one exactly at the day maximum still pays', acc(daily), { amount: 400_000 }, tookToday(400_000), []],
    ['fifty pesos beyond the day maximum is refused, with no approval', acc(daily), { amount: 400_050 }, tookToday(400_000), ['AUTHORIZATION_DAY_EXCEEDED']],
    ['each within the maximum per withdrawal, together beyond the day: refused', acc(daily), { amount: 500_000 }, tookToday(500_000), ['AUTHORIZATION_DAY_EXCEEDED']],
    ['above both maxima: both said at once', acc(daily), { amount: 600_000 }, tookToday(300_000), ['AUTHORIZATION_AMOUNT_EXCEEDED', 'AUTHORIZATION_DAY_EXCEEDED']],
    ['what another person took does not count against her', acc(daily), { amount: 500_000 }, [{ person: luis.id, amount: 700_000 }], []],
    ['the holder alone is not bound by the day maximum of his authorized person', acc(daily), { presenters: [ana.id], amount: 3_000_000 }, [{ person: ana.id, amount: 2_000_000 }], []],
    ['with the holder present, the marked person beyond her day maximum is refused', acc(daily), { presenters: [ana.id, marta.id], amount: 500_000 }, tookToday(500_000), ['AUTHORIZATION_DAY_EXCEEDED']],
  ];
  it.each(table)('%s', (_, account, over, taken, expected) => {
    expect(codes(withdraw(account, over, taken))).toEqual(expected);
  });

  it('the refusal says the day maximum, what she took, what is left and that no supervisor can widen it', () => {
    expect(message(withdraw(acc(daily), { amount: 500_000 }, tookToday(500_000)))).toBe(
      'La autorización de MARTA RUIZ permite hasta $ 800.000 por día: hoy ya retiró u ordenó $ 500.000 de esta cuenta y con $ 500.000 serían $ 1.000.000. Reduzca el valor a $ 300.000 como máximo, o el titular debe retirar él mismo: es una condición registrada por el titular y ningún supervisor puede ampliarla (cláusula 3.5).',
    );
    expect(message(withdraw(acc(daily), { amount: 100_000 }, tookToday(800_000)))).toContain('Hoy no puede retirar más de esta cuenta: el titular debe retirar él mismo');
    expect(message(withdraw(acc(daily), { presenters: [ana.id, marta.id], amount: 500_000 }, tookToday(500_000)))).toContain('Desmarque a MARTA RUIZ');
  });

  it('a transfer she orders counts against the same day maximum', () => {
    const to = AccountSchema.parse({ ...acc(), number: '222222', holders: [luis], authorized: [] });
    const transfer = (account: Account, amount: number, taken: AuthorizedTaken[]) =>
      evaluateTransfer(TransferRequestSchema.parse({ fromAccountNumber: account.number, toAccountNumber: '222222', amount, presenters: [marta.id] }), { from: account, to, on, gmfExemptUsedThisMonth: 0, authorizedTakenToday: taken }, rules);
    expect(codes(transfer(acc({ maxPerDay: 1_000_000 }), 600_000, tookToday(400_000)))).toEqual([]);
    expect(codes(transfer(acc({ maxPerDay: 1_000_000 }), 600_001, tookToday(400_000)))).toEqual(['AUTHORIZATION_DAY_EXCEEDED']);
  });

  it('fast-check: whatever withdrawals she asks for in a day, the accepted ones never add up to more than the day maximum, and none within it is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 12 }), (maxPerDay, asks) => {
        const account = acc({ maxPerDay });
        let taken = 0;
        for (const fifties of asks) {
          const amount = fifties * 50;
          const e = withdraw(account, { amount }, taken > 0 ? tookToday(taken) : []);
          expect(codes(e)).toEqual(taken + amount <= maxPerDay ? [] : ['AUTHORIZATION_DAY_EXCEEDED']);
          if (e.ok) taken += amount;
          expect(taken).toBeLessThanOrEqual(maxPerDay);
        }
      }),
    );
  });

  it('the Retiro screen reads the day maximum beside the other conditions, only when registered', () => {
    const [person] = acc({ validUntil: '2025-06-30', maxPerWithdrawal: 500_000, maxPerDay: 800_000, payouts: 'efectivo' }).authorized;
    if (!person) throw new Error('no authorized person');
    expect(authorizedConditionsLine(person, on)).toBe('Autorización vigente hasta 30/06/2025 · hasta $ 500.000 por retiro · hasta $ 800.000 por día · solo efectivo a la persona autorizada');
  });
});
