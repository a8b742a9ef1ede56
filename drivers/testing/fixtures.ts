import type { ReceiptDocument } from '../../domain/receipt/document';

/** A typical teller receipt (deposit, ~25 lines) used by tests and the bench. */
export const sampleReceipt = (over: Partial<ReceiptDocument> = {}): ReceiptDocument => ({
  sequence: '001-03-000123',
  title: 'Consignación en efectivo',
  branch: { code: '001', name: 'Centro Medellín' },
  till: 'Caja 3',
  teller: 'ana.perez',
  postedAt: '2025-03-14T10:22:33-05:00',
  lines: [
    { kind: 'field', label: 'Cuenta', value: 'Ahorros ****1234' },
    { kind: 'field', label: 'Titular', value: 'MARÍA FERNANDA GÓMEZ PATIÑO' },
    { kind: 'field', label: 'Depositante', value: 'CC 900000002' },
    { kind: 'rule' },
    { kind: 'amount', label: 'Billetes $100.000 x 12', amount: 1_200_000 },
    { kind: 'amount', label: 'Billetes $20.000 x 1', amount: 20_000 },
    { kind: 'amount', label: 'Monedas', amount: 14_567 },
    { kind: 'amount', label: 'Total consignado', amount: 1_234_567 },
    { kind: 'text', text: 'Señor cliente: verifique que los datos sean correctos antes de retirarse de la caja.', align: 'center' },
  ],
  verificationCode: 'A7K9-22QX',
  amountInWords: 'SON: UN MILLÓN DOSCIENTOS TREINTA Y CUATRO MIL QUINIENTOS SESENTA Y SIETE PESOS M/CTE',
  marks: [],
  ...over,
});

/** Sequential ids for deterministic job ids. */
export const counterIds = (prefix = 'job'): { uuid(): string } => {
  let n = 0;
  return { uuid: () => `${prefix}-${++n}` };
};

export const waitUntil = async (check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timeout waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
