import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { AccountView } from '../../../domain/contract/accounts';
import type { TellerApi } from '../../../domain/contract/client';
import type { TransferPlanSchema } from '../../../domain/contract/transfer';
import { chargeName } from '../../../domain/deposit/pending-charges';
import { formatPesos } from '../../../domain/money/pesos';
import { sameAccountRefusal, type TransferRequestInput } from '../../../domain/transfer/evaluate';
import { AmountInput } from '../../components/AmountInput';
import { DebitsTable } from '../../components/DebitsTable';
import { ComprobanteStepDialogs, PostedView, useComprobanteSteps } from '../../components/ComprobanteSteps';
import { ErrorList } from '../../components/ErrorList';
import { useInputError } from '../../components/useInputError';
import { AbandonNotice, PendingBanner, usePendingDebit } from '../../components/PendingBanner';
import { ReviewActions } from '../../components/ReviewActions';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { AccountNumberInput, AccountPanel } from '../accounts/AccountLookup';
import { DebitParties, focusPresentersOnF2, initialParties, partiesRequest, presentPeople, type DebitPartiesValue } from '../withdrawal/DebitParties';
import { PostedPapers } from '../../components/PostedPapers';

type Plan = z.infer<typeof TransferPlanSchema>;
type Request = TransferRequestInput;

/**
 * Traslado entre cuentas (seed 003 cl. 3.13), keyboard only: origin account Enter, destination account Enter,
 * amount Enter; the summary shows the GMF apart (exempt between accounts of the same sole holder, ET art. 879
 * num. 14) and Enter posts. No cash moves.
 */
export const TransferScreen = ({ teller, onDone, onCancel }: { teller: TellerApi; onDone: () => void; onCancel: () => void }) => {
  const [from, setFrom] = useState<AccountView | null>(null);
  const [to, setTo] = useState<AccountView | null>(null);
  const [parties, setParties] = useState<DebitPartiesValue>({ present: {}, certificate: '' });
  const [amount, setAmount] = useState<number | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const steps = useComprobanteSteps();
  const { approvalId } = steps;
  // Errors are about what was reviewed: changing any of it takes them off the screen.
  const { error, setError, outdated } = useInputError({ from: from?.account.number ?? null, to: to?.account.number ?? null, parties, amount });
  const { busy, setBusy, pending, posted, abandon, leaving, post: postDebit } = usePendingDebit(teller.transfer, {
    what: 'El traslado',
    leave: onCancel,
    setError,
    afterPost: steps.edit,
    unsaved: { dirty: to !== null || amount !== null || parties.certificate !== '', what: 'el traslado', lost: 'lo digitado: la cuenta de destino y el valor' },
    refused: () => void reread(),
  });
  const toRef = useRef<HTMLDivElement>(null);
  const amountRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (from && !to) toRef.current?.querySelector('input')?.focus();
  }, [from, to]);
  useEffect(() => {
    if (to) amountRef.current?.querySelector('input')?.focus();
  }, [to]);

  const who = from ? partiesRequest(from.account, parties) : null;
  const presenters = who?.ok ? who.presenters : [];
  const request = (): Request | null => {
    if (!from || !to || amount === null || !who?.ok) return null;
    const { ok: _ok, ...fields } = who;
    return { fromAccountNumber: from.account.number, toAccountNumber: to.account.number, amount, ...fields };
  };

  const foundFrom = (v: AccountView) => {
    setFrom(v);
    setParties(initialParties(v.account));
    setPlan(null);
  };
  // The destination is where the teller corrects a same-account transfer: its number selected, to type over.
  const focusTo = () => {
    const input = toRef.current?.querySelector('input');
    input?.focus();
    input?.select();
  };
  // Refused at once, not at Revisar: the amount field never opens for a transfer that cannot be made, and the
  // destination field keeps the focus with its number selected (AccountNumberInput).
  const foundTo = (v: AccountView): false | undefined => {
    const same = from ? sameAccountRefusal(from.account.number, v.account.number) : null;
    if (!same) {
      setTo(v);
      return undefined;
    }
    setTo(null);
    setPlan(null);
    setError(same.message);
    return false;
  };
  // The destination already typed stays on screen: only the origin is looked up again.
  const staleFrom = () => {
    setFrom(null);
    setPlan(null);
  };
  /** After central's refusal the core brought its copy up to date: the origin's panel shows the balance the teller retries with. */
  const reread = async () => {
    if (!from) return;
    const r = await teller.accounts.lookup({ accountNumber: from.account.number }).catch(() => null);
    if (r?.ok) setFrom((shown) => (shown?.account.number === r.data.account.number ? r.data : shown));
  };

  const review = async () => {
    const req = request();
    if (who && !who.ok) return setError(who.message);
    if (!req) return setError(!from ? 'Escriba la cuenta de origen y presione Enter.' : !to ? 'Escriba la cuenta de destino y presione Enter.' : 'Escriba el valor a trasladar y presione Enter.');
    if (presenters.length === 0) return setError('Marque quién ordena el traslado (presente e identificado): titular, persona autorizada o representante legal.');
    setBusy(true);
    const r = await teller.transfer.evaluate({ request: req });
    setBusy(false);
    if (!r.ok) {
      // The origin was changed to the destination's number after the destination was found.
      if (refusedFor(r.error, 'TRANSFER_SAME_ACCOUNT')) focusTo();
      return setError(r.error);
    }
    setError(null);
    setPlan(r.data.plan);
    steps.advance(r.data.plan, JSON.stringify(req));
  };

  const post = () => postDebit(request(), approvalId);

  if (posted) {
    return (
      <PostedView id="transfer-done" title="Traslado registrado" sequence={posted.sequence} instruction="Entregue el comprobante al cliente. No hay movimiento de efectivo." onDone={onDone}>
        <ReceiptPreview
          receipt={posted.receipt}
          print={<PostedPapers teller={teller} printJob={posted.printJob} validationJob={posted.validationJob} />}
        />
      </PostedView>
    );
  }

  return (
    <main className="screen" aria-labelledby="transfer-title" onKeyDown={(e) => focusPresentersOnF2(e, steps.step === 'edit')}>
      <h1 id="transfer-title">Transferencia</h1>
      <div className="comp-grid">
        <div>
          <AccountNumberInput teller={teller} id="transfer-from" label="Cuenta de origen" autoFocus onFound={foundFrom} onStale={staleFrom} onError={setError} />
          {from ? <AccountPanel view={from} testId="account-panel" /> : null}
          {from ? (
            <DebitParties
              legend="Quién ordena (presente e identificado)"
              account={from.account}
              certificateMaxAgeDays={from.juridicaCertificateMaxAgeDays}
              conditions={from.authorizedConditions}
              value={parties}
              onChange={setParties}
              onEnter={() => void review()}
            />
          ) : null}
        </div>
        <div>
          {from || to ? (
            <div ref={toRef}>
              <AccountNumberInput teller={teller} id="transfer-to" label="Cuenta de destino" onFound={foundTo} onStale={() => { setTo(null); setPlan(null); }} onError={setError} />
            </div>
          ) : null}
          {to ? <AccountPanel view={to} testId="destination-panel" balances={false} /> : null}
          {to ? (
            <div ref={amountRef}>
              <AmountInput id="transfer-amount" label="Valor a trasladar" value={amount} onChange={setAmount} onEnter={() => void review()} />
            </div>
          ) : null}
          <PendingBanner message={pending} testId="transfer-pending" onRetry={() => void post()} onAbandon={() => void abandon.run()} busy={busy || abandon.busy} />
          <AbandonNotice message={abandon.notice} />
          {leaving.dialog}
          <ErrorList error={error} outdated={outdated} />
          <ReviewActions onCancel={leaving.leave} onReview={() => void review()} disabled={!to || busy} />
        </div>
      </div>
      <ComprobanteStepDialogs
        steps={steps}
        plan={plan}
        teller={teller}
        operation={request() ? { kind: 'transfer', request: request() as Request } : null}
        confirm={{ title: 'Confirmar transferencia', label: 'Trasladar', busy, onConfirm: () => void post(), summary: plan && from && to ? <TransferSummary plan={plan} from={from} to={to} who={presentPeople(from.account, parties)} /> : null }}
      />
    </main>
  );
};

const refusedFor = (error: { code: string; details?: Record<string, unknown> | undefined }, code: string): boolean =>
  error.code === code || ((error.details?.errors as { code: string }[] | undefined)?.some((e) => e.code === code) ?? false);

/** Origin, destination, debits with the GMF apart and what the destination has available today. */
const TransferSummary = ({ plan, from, to, who }: { plan: Plan; from: AccountView; to: AccountView; who: string }) => (
  <>
    <p data-testid="transfer-accounts-line">
      De la cuenta {from.account.number} ({from.account.holders.map((h) => h.name).join(', ')}) a la cuenta {to.account.number} ({to.account.holders.map((h) => h.name).join(', ')}).
      Ordena: {who}.
    </p>
    <DebitsTable testId="transfer-summary" plan={plan} commission={0}>
      {/* The destination owes a returned cheque's charge: the credit pays it first, so it receives less. */}
      {plan.pendingCharges ? (
        <tr data-testid="pending-charge-paid">
          <td>Pago cargo pendiente ({plan.pendingCharges.charges.map(chargeName).join('; ')})</td>
          <td className="num">{formatPesos(-plan.pendingCharges.paid)}</td>
        </tr>
      ) : null}
      <tr>
        <td>Abono disponible hoy en destino</td>
        <td className="num" data-testid="credited">{formatPesos(plan.pendingCharges ? plan.pendingCharges.credited : plan.credit)}</td>
      </tr>
    </DebitsTable>
  </>
);
