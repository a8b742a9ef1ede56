import { bankName } from '../../../domain/cheque/banks';
import { formatReceiptDate, formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { DENOMINATIONS, countOf, type DenominationCount } from '../../../domain/money/denominations';
import type { ReceiptDocument, ReceiptLine } from '../../../domain/receipt/document';
import { CLOSE_REPORT_TITLE, REOPENING_REPORT_TITLE } from '../../../domain/receipt/paper';
import { DIFFERENCE_REASONS, type DifferenceReasonCode } from '../../../domain/till/arqueo';
import { formatPesos } from '../../../domain/money/pesos';
import type { ClosingRecord, ReceivedCheque } from '../../store/till/lifecycle';
import type { TillMovement, TillSessionRecord } from '../../store/till/repo';

const KIND_LABEL: Record<string, string> = {
  deposito: 'Consignaciones',
  retiro: 'Retiros',
  traslado: 'Traslados',
  provision: 'Provisión de bóveda',
  traslado_recibido: 'Traslados recibidos',
  traslado_enviado: 'Traslados enviados',
  traslado_devuelto: 'Traslados devueltos',
  reverso: 'Reversos',
  faltante: 'Faltante',
  sobrante: 'Sobrante',
};

// One operation in words, for the lines that name one (an operation posted in contingency).
const KIND_ONE: Record<string, string> = { deposito: 'Consignación', retiro: 'Retiro', traslado: 'Traslado' };

/** What the report of a reopened till says of the reopening: it covers only the session since then. */
export interface ReopeningFacts {
  /** When the first session of the day closed, and the balance it closed with (the reopened one starts from it). */
  closedAt: string | null;
  closingBalance: number;
  /** The teller's words when asking, as the supervisor read them. */
  reason: string;
  approver: string;
}

/** A count's difference in the words of the report and of the supervisor's request. */
export const differenceWords = (d: number): string => (d === 0 ? 'cuadrado' : `${d < 0 ? 'faltante' : 'sobrante'} ${formatPesos(Math.abs(d))}`);

/** The report's number, journaled with the close so the journal can offer its reprint. */
export const closeReportNumber = (branchCode: string, session: Pick<TillSessionRecord, 'tillCode' | 'businessDate' | 'id'>): string =>
  `${branchCode}-${session.tillCode}-CIERRE-${session.businessDate}-${session.id.slice(0, 8)}`;

/**
 * End-of-day report of a closed till, rebuilt from the stored session, its movements and its arqueo so that a
 * reprint is always the same document (teller-anchors §3 item 5: cashier summary).
 */
export const buildCloseReport = (input: {
  session: TillSessionRecord;
  closing: ClosingRecord;
  movements: readonly TillMovement[];
  /** Every count of the arqueo with who or what decided it (empty for arqueos recorded before they were kept). */
  counts: readonly { n: number; countedTotal: number; difference: number; decision: string }[];
  branch: { code: string; name: string };
  teller: string;
  approver: string | null;
  closedAt: string;
  verificationCode: string;
  /** Set when the session is a supervised reopening of the day's closed till. */
  reopening?: ReopeningFacts | null;
  /** Sequences of the session's comprobantes posted in contingency (their receipts say CONTINGENCIA). */
  contingency?: readonly string[];
  /** Cheque de gerencia forms the session's withdrawals issued, with the reversal that voided one (null if it stands). */
  cheques?: readonly { number: string; amount: number; reversal: string | null }[];
  /** Cheques the session's deposits took to canje or remesa al cobro, with the reversal that handed one back. */
  chequesReceived?: readonly ReceivedCheque[];
}): ReceiptDocument => {
  const { session, closing } = input;
  const r = input.reopening ?? null;
  // A reopened till's report covers only what happened since the reopening: it says so, why and who allowed it.
  const lines: ReceiptLine[] = r
    ? [
        { kind: 'text', text: 'REAPERTURA: este reporte cubre solo lo ocurrido desde la reapertura.', emphasis: true },
        { kind: 'field', label: 'Cierre anterior', value: r.closedAt ? formatReceiptDateTime(r.closedAt) : '—' },
        { kind: 'amount', label: 'Saldo del cierre anterior', amount: r.closingBalance },
        { kind: 'field', label: 'Motivo de la reapertura', value: r.reason },
        { kind: 'field', label: 'Aprobó la reapertura', value: r.approver },
        { kind: 'rule' },
      ]
    : [];
  lines.push(
    { kind: 'field', label: 'Fecha contable', value: formatReceiptDate(session.businessDate) },
    { kind: 'field', label: r ? 'Reapertura' : 'Apertura', value: formatReceiptDateTime(session.openedAt) },
    { kind: 'amount', label: 'Saldo de apertura', amount: session.openingTotal },
  );
  // Entries and exits counted apart: one reversal of a deposit (out) and one of a withdrawal (in) are one each.
  const byKind = new Map<string, { in: number; out: number; nIn: number; nOut: number }>();
  for (const m of input.movements) {
    if (m.kind === 'faltante' || m.kind === 'sobrante' || m.amount === 0) continue;
    const k = byKind.get(m.kind) ?? { in: 0, out: 0, nIn: 0, nOut: 0 };
    if (m.amount > 0) {
      k.in += m.amount;
      k.nIn++;
    } else {
      k.out += -m.amount;
      k.nOut++;
    }
    byKind.set(m.kind, k);
  }
  for (const [kind, t] of byKind) {
    if (t.nIn > 0) lines.push({ kind: 'amount', label: `${KIND_LABEL[kind] ?? kind} (${t.nIn}) entradas`, amount: t.in });
    if (t.nOut > 0) lines.push({ kind: 'amount', label: `${KIND_LABEL[kind] ?? kind} (${t.nOut}) salidas`, amount: t.out, negative: true });
  }
  // Paid or received without central's answer: named one by one, marked as their receipts and the journal mark them.
  const contingency = new Set(input.contingency ?? []);
  for (const m of input.movements) {
    if (m.reference === null || !contingency.has(m.reference) || m.amount === 0) continue;
    lines.push({ kind: 'amount', label: `${KIND_ONE[m.kind] ?? KIND_LABEL[m.kind] ?? m.kind} ${m.reference} CONTINGENCIA`, amount: Math.abs(m.amount), negative: m.amount < 0 });
  }
  // The forms issued, each by number with its state, so the supervisor reconciles the cheque de gerencia stock: a
  // voided form is listed too (it was used, and must come back from the customer).
  const cheques = input.cheques ?? [];
  if (cheques.length > 0) {
    lines.push({ kind: 'rule' }, { kind: 'text', text: `Cheques de gerencia expedidos (${cheques.length})` });
    for (const c of cheques) lines.push({ kind: 'amount', label: `No. ${c.number} · ${c.reversal ? `anulado por reverso ${c.reversal}` : 'emitido'}`, amount: c.amount });
  }
  // Paper that is in the till and not cash: the supervisor checks each against the canje and remesa envelopes.
  const received = input.chequesReceived ?? [];
  if (received.length > 0) {
    lines.push({ kind: 'rule' }, { kind: 'text', text: `Cheques recibidos (${received.length})` });
    for (const c of received) {
      const state = c.reversal ? ` · devuelto con el reverso ${c.reversal}` : '';
      // Named as the receipts and Remesas name them; the account and a remesa's plaza match the cheque to its envelope.
      const plaza = c.route === 'remesa' ? ` · ${c.city}` : '';
      lines.push({ kind: 'amount', label: `${c.route === 'canje' ? 'Canje' : 'Remesa'} · ${bankName(c.bank)} No. ${c.number}${plaza} · cta. ${c.accountNumber}${state}`, amount: c.amount });
    }
    lines.push({ kind: 'amount', label: 'Total cheques recibidos', amount: received.filter((c) => c.reversal === null).reduce((s, c) => s + c.amount, 0) });
  }
  const counted = closing.count2 ?? closing.count1;
  const expectedTotal = DENOMINATIONS.reduce((s, d) => s + d * countOf(closing.expected, d), 0);
  const countedTotal = DENOMINATIONS.reduce((s, d) => s + d * countOf(counted, d), 0);
  lines.push({ kind: 'rule' }, { kind: 'amount', label: 'Saldo esperado', amount: expectedTotal }, { kind: 'amount', label: 'Arqueo (contado)', amount: countedTotal });
  const diff = countedTotal - expectedTotal;
  if (diff === 0) lines.push({ kind: 'text', text: 'CAJA CUADRADA', align: 'center', emphasis: true });
  // The word says which way: the amount is absolute, as the counts' lines and the sobrante line print it.
  else lines.push({ kind: 'amount', label: diff < 0 ? 'FALTANTE' : 'SOBRANTE', amount: Math.abs(diff) });
  // A till squared only after a difference was shown closed with a supervisor's approval too: the paper says whose.
  if (diff !== 0 || closing.approvalId !== null) {
    // The reason in words, as the supervisor read it when approving; the code stays in the journal.
    const reason = closing.reasonCode ? (DIFFERENCE_REASONS[closing.reasonCode as DifferenceReasonCode] ?? closing.reasonCode) : '';
    lines.push({ kind: 'field', label: 'Motivo', value: [reason, closing.reasonText ?? ''].filter((x) => x.trim() !== '').join('. ') });
    lines.push({ kind: 'field', label: 'Aprobó', value: input.approver ?? '—' });
  }
  if (input.counts.length === 0) lines.push({ kind: 'field', label: 'Conteos', value: closing.count2 ? '2 (segundo conteo ciego)' : '1' });
  else {
    // Every count, not only the last: a recount that squares must not hide the difference an earlier one showed.
    lines.push({ kind: 'field', label: 'Conteos', value: `${input.counts.length}` });
    for (const c of input.counts) {
      lines.push({ kind: 'field', label: `Conteo ${c.n}`, value: `${formatPesos(c.countedTotal)} · ${differenceWords(c.difference)} · ${c.decision}` });
    }
  }
  lines.push({ kind: 'rule' }, { kind: 'text', text: 'Arqueo por denominación' });
  for (const d of DENOMINATIONS) {
    const n = countOf(counted as DenominationCount, d);
    if (n > 0) lines.push({ kind: 'amount', label: `${formatPesos(d)} x ${n}`, amount: d * n });
  }
  lines.push({ kind: 'rule' }, { kind: 'field', label: 'Cierre', value: formatReceiptDateTime(input.closedAt) });
  return {
    sequence: closeReportNumber(input.branch.code, session),
    title: r ? REOPENING_REPORT_TITLE : CLOSE_REPORT_TITLE,
    branch: input.branch,
    till: session.tillCode,
    teller: input.teller,
    postedAt: input.closedAt,
    lines,
    verificationCode: input.verificationCode,
    marks: [],
  };
};
