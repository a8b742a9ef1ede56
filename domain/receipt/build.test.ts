import { describe, expect, it } from 'vitest';
import { AccountSchema } from '../accounts/account';
import { evaluateDeposit } from '../deposit/evaluate';
import { DepositSlipSchema } from '../deposit/slip';
import { DEFAULT_RULES } from '../rules-config/config';
import { TransferRequestSchema, evaluateTransfer } from '../transfer/evaluate';
import { evaluateWithdrawal } from '../withdrawal/evaluate';
import { WithdrawalRequestSchema } from '../withdrawal/request';
import { buildDepositReceipt } from './build-deposit';
import { buildTransferReceipt } from './build-transfer';
import { buildWithdrawalReceipt } from './build-withdrawal';
import { ReceiptDocumentSchema } from './document';

const ana = { id: { type: 'CC', number: '1020304050' }, name: 'Ana Pérez' } as const;
const account = AccountSchema.parse({
  number: '998877661234', kind: 'individual', owner: 'natural', holders: [ana], state: 'activa',
  balances: { available: 3_000_000, inCanje: 0, onHold: 0 }, lastCustomerMovementOn: '2025-05-01', openedOn: '2020-03-01', city: 'Barranquilla',
});
const header = { sequence: '001-03-000123', branch: { code: '001', name: 'Barranquilla Centro' }, till: '03', teller: 'cajero1', postedAt: '2025-06-27T10:15:00-05:00', verificationCode: 'K7Q2-9XPA' };
const texts = (doc: unknown): string => JSON.stringify(doc);

describe('receipt builders (domain-co §8 item 5, §10)', () => {
  it('deposit: masked account, cash, cheques, total, commission, hold release dates, approvals, words', () => {
    const slip = DepositSlipSchema.parse({
      accountNumber: account.number, depositor: { id: { type: 'CC', number: '79123456' }, name: 'Luis Gómez' }, cash: { '50000': 4 },
      cheques: [{ bank: '7', number: '100200', drawerAccount: '99887766', amount: 1_000_000, city: 'Bogotá' }], declaredTotal: 1_200_000,
    });
    const e = evaluateDeposit(slip, { account, officeCity: 'Barranquilla', on: '2025-06-27', cashDepositedTodayToAccount: 0, customerMonthCashBefore: 0, recentCashDeposits: [] }, DEFAULT_RULES);
    if (!e.ok) throw new Error(e.errors[0]?.message);
    const doc = ReceiptDocumentSchema.parse(buildDepositReceipt({ header, account, slip, plan: e.plan, approvalIds: ['3f2a1b4c-9d8e-4f00-a1b2-c3d4e5f60718'] }));
    expect(doc.amountInWords).toBe('SON: UN MILLÓN DOSCIENTOS MIL PESOS M/CTE');
    expect(doc.verificationCode).toBe('K7Q2-9XPA');
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Cuenta de ahorros', value: '****1234' });
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Depositante', value: 'LUIS GÓMEZ' });
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Documento depositante', value: 'CC ****3456' });
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Total consignado', amount: 1_200_000 });
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Comisión remesa', amount: 15_000, negative: true });
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Cheque No. 100200', value: 'remesa al cobro (Bogotá D.C.), fecha estimada 07/07/2025' });
    // The drawee bank by its name, not its compensation code.
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Cheque Bancolombia No. 100200', amount: 1_000_000 });
    // The approval's short form: the journal shows the same beside the entry with the full id.
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Autorización', value: '3F2A1B4C' });
    expect(texts(doc)).not.toContain('998877661234');
  });
  it('withdrawal: GMF on its own line and the debit total', () => {
    const req = WithdrawalRequestSchema.parse({ accountNumber: account.number, amount: 1_000_000, presenters: [ana.id], payout: { kind: 'efectivo' } });
    const e = evaluateWithdrawal(req, { account, on: '2025-06-10', tillStock: { '50000': 40 }, withdrawalsToday: { count: 0, amount: 0 }, gmfExemptUsedThisMonth: 0, customerMonthCashBefore: 0 }, DEFAULT_RULES);
    if (!e.ok) throw new Error(e.errors[0]?.message);
    const doc = ReceiptDocumentSchema.parse(buildWithdrawalReceipt({ header, account, plan: e.plan, approvalIds: [], presenters: req.presenters }));
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'GMF 4x1000', amount: 4_000 });
    expect(doc.lines).toContainEqual({ kind: 'amount', label: 'Total debitado', amount: 1_004_000 });
    expect(doc.amountInWords).toBe('SON: UN MILLÓN DE PESOS M/CTE');
    expect(texts(doc)).not.toContain('998877661234');
    // The holder herself: no line about who withdrew.
    expect(doc.lines.some((l) => l.kind === 'field' && l.label === 'Retira')).toBe(false);
  });
  it('withdrawal by an authorized person, transfer ordered by a legal representative: the receipt names them and their capacity', () => {
    const luis = { id: { type: 'CC', number: '79123456' }, name: 'Luis Gómez' } as const;
    const withAuthorized = AccountSchema.parse({ ...account, authorized: [luis] });
    const req = WithdrawalRequestSchema.parse({ accountNumber: account.number, amount: 100_000, presenters: [luis.id], payout: { kind: 'efectivo' } });
    const e = evaluateWithdrawal(req, { account: withAuthorized, on: '2025-06-10', tillStock: { '50000': 40 }, withdrawalsToday: { count: 0, amount: 0 }, gmfExemptUsedThisMonth: 0, customerMonthCashBefore: 0 }, DEFAULT_RULES);
    if (!e.ok) throw new Error(e.errors[0]?.message);
    const doc = buildWithdrawalReceipt({ header, account: withAuthorized, plan: e.plan, approvalIds: [], presenters: req.presenters });
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Retira', value: 'Luis Gómez (autorizado)' });
    // "Haga firmar el comprobante": the paper ends with where the one who withdrew signs, named with their document.
    expect(doc.lines.slice(-5)).toEqual([
      { kind: 'rule' },
      { kind: 'text', text: '' },
      { kind: 'text', text: 'Firma: ________________________' },
      { kind: 'field', label: 'Nombre', value: 'Luis Gómez' },
      { kind: 'field', label: 'Documento', value: 'CC ****3456' },
    ]);
    const company = { ...account, owner: 'juridica' as const, legalRepresentatives: [luis] };
    const to = { ...account, number: '556677885678' };
    const t = evaluateTransfer(TransferRequestSchema.parse({ fromAccountNumber: account.number, toAccountNumber: to.number, amount: 50_000, presenters: [luis.id], juridicaCertificateIssuedOn: '2025-06-01' }), { from: company, to, on: '2025-06-10', gmfExemptUsedThisMonth: 0 }, DEFAULT_RULES);
    if (!t.ok) throw new Error(t.errors[0]?.message);
    const transfer = buildTransferReceipt({ header, from: company, to, plan: t.plan, approvalIds: ['APR-1'], presenters: [luis.id] });
    expect(transfer.lines).toContainEqual({ kind: 'field', label: 'Ordena', value: 'Luis Gómez (representante legal)' });
  });
  it('withdrawal from a colectiva names the holder who withdrew; a conjunta\'s holders line already says who', () => {
    const luz = { id: { type: 'CC', number: '52111222' }, name: 'Luz Díaz' } as const;
    const ctx = { on: '2025-06-10', tillStock: { '50000': 40 }, withdrawalsToday: { count: 0, amount: 0 }, gmfExemptUsedThisMonth: 0, customerMonthCashBefore: 0 };
    const receiptOf = (kind: 'colectiva' | 'conjunta', presenters: { type: 'CC'; number: string }[]) => {
      const shared = { ...account, kind, holders: [ana, luz] };
      const e = evaluateWithdrawal(WithdrawalRequestSchema.parse({ accountNumber: account.number, amount: 100_000, presenters, payout: { kind: 'efectivo' } }), { ...ctx, account: shared }, DEFAULT_RULES);
      if (!e.ok) throw new Error(e.errors[0]?.message);
      return buildWithdrawalReceipt({ header, account: shared, plan: e.plan, approvalIds: [], presenters });
    };
    expect(receiptOf('colectiva', [luz.id]).lines).toContainEqual({ kind: 'field', label: 'Retira', value: 'Luz Díaz (titular)' });
    // Both holders of a colectiva at the counter: the receipt says so, as the confirmation did (QA s35).
    expect(receiptOf('colectiva', [ana.id, luz.id]).lines).toContainEqual({ kind: 'field', label: 'Retira', value: 'Ana Pérez (titular) / Luz Díaz (titular)' });
    expect(receiptOf('conjunta', [ana.id, luz.id]).lines.some((l) => l.kind === 'field' && l.label === 'Retira')).toBe(false);
    // A conjunta's holders all withdraw together: each signs on a line of their own.
    const signers = receiptOf('conjunta', [ana.id, luz.id]).lines.flatMap((l) => (l.kind === 'field' && (l.label === 'Nombre' || l.label === 'Documento') ? [l.value] : []));
    expect(signers).toEqual(['Ana Pérez', 'CC ******4050', 'Luz Díaz', 'CC ****1222']);
  });
  it('withdrawal by cheque de gerencia to a company: the receipt prints the beneficiary\'s NIT', () => {
    const payout = { kind: 'cheque-gerencia', number: '4455667', beneficiary: { id: { type: 'NIT', number: '900123456-8' }, name: 'FERRETERÍA EL TORNILLO SAS' } };
    const req = WithdrawalRequestSchema.parse({ accountNumber: account.number, amount: 100_000, presenters: [ana.id], payout });
    const e = evaluateWithdrawal(req, { account, on: '2025-06-10', tillStock: {}, withdrawalsToday: { count: 0, amount: 0 }, gmfExemptUsedThisMonth: 0, customerMonthCashBefore: 0 }, DEFAULT_RULES);
    if (!e.ok) throw new Error(e.errors[0]?.message);
    const doc = buildWithdrawalReceipt({ header, account, plan: e.plan, approvalIds: [], presenters: req.presenters });
    expect(texts(doc)).toContain('Cheque de gerencia a FERRETERÍA EL TORNILLO SAS (NIT 900.123.456-8)');
    // The paper cheque's number, so the customer and the bank tie it to this debit.
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Cheque de gerencia No.', value: '4455667' });
  });
  it('withdrawal by cheque de gerencia from a conjunta: the receipt makes it out to every holder (cl. 2.4.3)', () => {
    const luz = { id: { type: 'CC', number: '52111222' }, name: 'Luz Díaz' } as const;
    const conjunta = { ...account, kind: 'conjunta' as const, holders: [ana, luz] };
    const req = WithdrawalRequestSchema.parse({ accountNumber: account.number, amount: 100_000, presenters: [ana.id, luz.id], payout: { kind: 'cheque-gerencia', number: '98765' } });
    const e = evaluateWithdrawal(req, { account: conjunta, on: '2025-06-10', tillStock: {}, withdrawalsToday: { count: 0, amount: 0 }, gmfExemptUsedThisMonth: 0, customerMonthCashBefore: 0 }, DEFAULT_RULES);
    if (!e.ok) throw new Error(e.errors[0]?.message);
    const doc = buildWithdrawalReceipt({ header, account: conjunta, plan: e.plan, approvalIds: [], presenters: req.presenters });
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Forma de pago', value: 'Cheque de gerencia a Ana Pérez (CC 1.020.304.050) Y Luz Díaz (CC 52.111.222) (primer beneficiario)' });
  });
  it('transfer: both accounts masked and the ET 879-14 legend when exempt', () => {
    const to = { ...account, number: '556677885678' };
    const req = TransferRequestSchema.parse({ fromAccountNumber: account.number, toAccountNumber: to.number, amount: 500_000, presenters: [ana.id] });
    const e = evaluateTransfer(req, { from: account, to, on: '2025-06-10', gmfExemptUsedThisMonth: 0 }, DEFAULT_RULES);
    if (!e.ok) throw new Error(e.errors[0]?.message);
    const doc = ReceiptDocumentSchema.parse(buildTransferReceipt({ header, from: account, to, plan: e.plan, approvalIds: [], presenters: req.presenters }));
    expect(doc.lines).toContainEqual({ kind: 'field', label: 'Cuenta destino', value: '****5678' });
    expect(texts(doc)).toContain('879 num. 14');
    expect(texts(doc)).not.toContain('556677885678');
  });
  it('transfer to another holder\'s conjunta: the destination\'s holders follow its masked account, as the origin\'s do', () => {
    const luz = { id: { type: 'CC', number: '52111222' }, name: 'Luz Díaz' } as const;
    const rosa = { id: { type: 'CC', number: '41222333' }, name: 'Rosa Elena Martínez de Castaño' } as const;
    const to = { ...account, number: '556677885678', kind: 'conjunta' as const, holders: [luz, rosa] };
    const req = TransferRequestSchema.parse({ fromAccountNumber: account.number, toAccountNumber: to.number, amount: 200_000, presenters: [ana.id] });
    const e = evaluateTransfer(req, { from: account, to, on: '2025-06-10', gmfExemptUsedThisMonth: 0 }, DEFAULT_RULES);
    if (!e.ok) throw new Error(e.errors[0]?.message);
    const doc = ReceiptDocumentSchema.parse(buildTransferReceipt({ header, from: account, to, plan: e.plan, approvalIds: [], presenters: req.presenters }));
    const fields = doc.lines.flatMap((l) => (l.kind === 'field' ? [[l.label, l.value]] : []));
    expect(fields.slice(0, 4)).toEqual([
      ['Cuenta origen', '****1234'],
      ['Titular origen', 'Ana Pérez'],
      ['Cuenta destino', '****5678'],
      ['Titular destino', 'Luz Díaz / Rosa Elena Martínez de Castaño'],
    ]);
    // A label short enough for 58 mm paper (32 columns): the printer keeps it on one line and wraps only the names.
    for (const [label] of fields.slice(0, 4)) expect(label?.length).toBeLessThanOrEqual(16);
    expect(texts(doc)).not.toContain('556677885678');
  });
});
