import { bankName } from '../cheque/banks';
import { formatPesos } from '../money/pesos';

const mask = (account: string): string => `****${account.slice(-4)}`;

/** What a comprobante moved at the counter, as its reversal must undo it (teller-anchors §4 item 10). */
export type ReversalCounterFacts =
  | { kind: 'deposito'; cashIn: number; cheques: readonly { bank: string; number: string; amount: number }[] }
  | { kind: 'retiro'; cashOut: number; chequeGerencia: string | null }
  | { kind: 'traslado'; from: { account: string; holders: string | null }; to: { account: string; holders: string | null } };

/** One thing that physically moves (or which account moves) when the reversal is registered, as the teller reads it. */
export interface CounterMove {
  label: string;
  value: string;
}

const accountLine = (a: { account: string; holders: string | null }) => (a.holders ? `${mask(a.account)} · ${a.holders}` : mask(a.account));

/**
 * What the teller gives back or receives when the reversal is registered, said the same on the panel and on the
 * reversal's receipt: a deposit's cash and cheques go back to the customer (each cheque by bank and number, since
 * the teller hands over those papers); a withdrawal's cash (or its cheque de gerencia) comes back from the customer;
 * a transfer moves no paper, so both accounts are named: the one that received is debited, the one that sent is
 * credited again.
 */
export const reversalCounterMoves = (f: ReversalCounterFacts): CounterMove[] => {
  switch (f.kind) {
    case 'deposito':
      return [
        ...(f.cashIn > 0 ? [{ label: 'Efectivo a devolver al cliente', value: formatPesos(f.cashIn) }] : []),
        ...f.cheques.map((c) => ({ label: 'Cheque a devolver al cliente', value: `${bankName(c.bank)} No. ${c.number} por ${formatPesos(c.amount)}` })),
      ];
    case 'retiro':
      return [
        ...(f.cashOut > 0 ? [{ label: 'Efectivo a recibir del cliente', value: formatPesos(f.cashOut) }] : []),
        // The form comes back voided by this reversal: the paper says so, as the close report lists it (anulado).
        ...(f.chequeGerencia !== null ? [{ label: 'Cheque de gerencia a recibir del cliente', value: `No. ${f.chequeGerencia} · ANULADO` }] : []),
      ];
    case 'traslado':
      return [
        { label: 'Cuenta debitada (recibió el traslado)', value: accountLine(f.to) },
        { label: 'Cuenta acreditada (originó el traslado)', value: accountLine(f.from) },
      ];
  }
};
