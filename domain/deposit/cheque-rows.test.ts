import { describe, expect, it } from 'vitest';
import { chequeRowProblems } from './slip';

const whole = { bank: '051', number: '1234', drawerAccount: '00112233', amount: 500_000, city: '11001' };

describe('cheque rows checked one by one (domain-co §10: bank, number, drawer account, amount, plaza)', () => {
  it('a complete row has no problem', () => {
    expect(chequeRowProblems([whole])).toEqual([]);
  });

  // QA 2026-12-06: row 2 with bank 051 and number 12 only; the errors did not say which row.
  it('names the row in every message, in the order of its fields, and says how to drop it', () => {
    const problems = chequeRowProblems([whole, { bank: '051', number: '12', drawerAccount: '', amount: 0, city: '11001' }]);
    expect(problems).toEqual([
      { row: 1, field: 'drawerAccount', message: 'Cheque de la fila 2: la cuenta del girador debe tener entre 4 y 20 dígitos.' },
      { row: 1, field: 'amount', message: 'Cheque de la fila 2: el valor del cheque debe ser mayor que cero.' },
      { row: 1, field: 'amount', message: 'Complete el cheque de la fila 2 o quítelo con Ctrl+Supr.' },
    ]);
  });

  it('a row whose fields are all there but whose bank or plaza is unknown says so as the core would', () => {
    const problems = chequeRowProblems([{ ...whole, bank: '999', city: 'Bogta' }]);
    expect(problems.map((p) => p.field)).toEqual(['bank', 'city', 'city']);
    expect(problems[0]?.message).toMatch(/^Cheque de la fila 1: /);
    expect(problems[1]?.message).toMatch(/^Cheque de la fila 1: /);
  });

  it('starts with the first wrong field of the first wrong row', () => {
    const problems = chequeRowProblems([{ ...whole, amount: 0 }, { ...whole, bank: '', number: 'x' }]);
    expect(problems[0]).toMatchObject({ row: 0, field: 'amount' });
    expect(problems.filter((p) => p.row === 1).map((p) => p.field).slice(0, 2)).toEqual(['bank', 'number']);
  });
});
