import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { AccountView } from '../../../domain/contract/accounts';
import type { AppErrorShape } from '../../../domain/contract/channel';
import type { TellerApi } from '../../../domain/contract/client';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { WithdrawalPlanSchema } from '../../../domain/contract/withdrawal';
import { formatDocument } from '../../../domain/identity/document';
import { DENOMINATIONS, countOf, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import type { WithdrawalRequestInput } from '../../../domain/withdrawal/request';
import { AmountInput } from '../../components/AmountInput';
import { ComprobanteStepDialogs, PostedView, useComprobanteSteps } from '../../components/ComprobanteSteps';
import { DebitsTable } from '../../components/DebitsTable';
import { ErrorList } from '../../components/ErrorList';
import { ReviewActions } from '../../components/ReviewActions';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { AccountNumberInput, AccountPanel } from '../accounts/AccountLookup';
import { bogotaNow, OFFICE_CITY } from '../deposit/bogota';

type Plan = z.infer<typeof WithdrawalPlanSchema>;

/**
 * Retiro por ventanilla (F4): account, who is present (every holder of a conjunta), amount; the summary shows
 * the GMF on its own line and the bills to hand over. Central authorizes online before any cash is paid; when
 * it does not answer the comprobante stays pending and Enter retries with the same key.
 */
export const WithdrawalScreen = ({ teller, onDone, onCancel }: { teller: TellerApi; onDone: () => void; onCancel: () => void }) => {
  const [view, setView] = useState<AccountView | null>(null);
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [amount, setAmount] = useState<number | null>(null);
  const [payoutKind, setPayoutKind] = useState<'efectivo' | 'cheque-titular' | 'cheque-tercero'>('efectivo');
  const [third, setThird] = useState({ name: '', number: '' });
  const [plan, setPlan] = useState<Plan | null>(null);
  const steps = useComprobanteSteps();
  const { approvalId, declaration } = steps;
  const [error, setError] = useState<AppErrorShape | string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<PostedComprobante | null>(null);
  const key = useRef(crypto.randomUUID());
  const amountRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (view) amountRef.current?.querySelector('input')?.focus();
  }, [view]);

  const holders = view?.account.holders ?? [];
  const presenters = holders.filter((h) => present[`${h.id.type}:${h.id.number}`]).map((h) => h.id);
  const firstPresent = holders.find((h) => present[`${h.id.type}:${h.id.number}`]) ?? holders[0];
  // Cl. 4 parágrafo: cash, or a cheque de gerencia to the holder or, at the holder's request, to a third party.
  const payout = (): WithdrawalRequestInput['payout'] | null => {
    if (payoutKind === 'efectivo') return { kind: 'efectivo' };
    if (payoutKind === 'cheque-titular') return firstPresent ? { kind: 'cheque-gerencia', beneficiary: { id: firstPresent.id, name: firstPresent.name } } : null;
    const name = third.name.trim().toUpperCase();
    return name && /^\d{5,12}$/.test(third.number) ? { kind: 'cheque-gerencia', beneficiary: { id: { type: 'CC', number: third.number }, name } } : null;
  };
  const request = (): WithdrawalRequestInput | null => {
    const p = payout();
    return view && amount !== null && p
      ? { accountNumber: view.account.number, amount, presenters, payout: p, ...(declaration ? { declaration } : {}) }
      : null;
  };

  const found = (v: AccountView) => {
    setView(v);
    const first = v.account.holders[0];
    setPresent(first ? { [`${first.id.type}:${first.id.number}`]: true } : {});
    setPlan(null);
    steps.forgetApproval();
  };

  const review = async () => {
    const req = request();
    if (view && amount !== null && !payout()) return setError('Escriba el nombre y la cédula del beneficiario del cheque de gerencia.');
    if (!req) return setError(view ? 'Escriba el valor a retirar y presione Enter.' : 'Escriba el número de cuenta y presione Enter.');
    if (presenters.length === 0) return setError('Marque quién está presente e identificado (F7 cambia el titular presente).');
    setBusy(true);
    const r = await teller.withdrawal.evaluate({ request: req });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPlan(r.data.plan);
    steps.advance(r.data.plan);
  };

  const post = async () => {
    const req = request();
    if (!req || busy) return;
    setBusy(true);
    const r = await teller.withdrawal.post({ idempotencyKey: key.current, request: req, ...(approvalId ? { approvalId } : {}) });
    setBusy(false);
    steps.edit();
    if (!r.ok) return setError(r.error);
    if (r.data.status === 'pendiente') return setPending(r.data.message);
    setPending(null);
    setPosted(r.data);
  };

  if (posted) {
    return (
      <PostedView
        id="withdrawal-done"
        title="Retiro registrado"
        sequence={posted.sequence}
        instruction={payoutKind !== 'efectivo' ? 'Entregue el cheque de gerencia y haga firmar el comprobante.' : 'Entregue el efectivo según el desglose y haga firmar el comprobante.'}
        onDone={onDone}
      >
        <ReceiptPreview receipt={posted.receipt} printState={posted.printJob?.state ?? null} />
      </PostedView>
    );
  }

  const mix = plan?.payout.kind === 'efectivo' ? plan.payout.mix : null;
  return (
    <main className="screen" aria-labelledby="withdrawal-title">
      <h1 id="withdrawal-title">Retiro</h1>
      <div className="comp-grid">
        <div>
          <AccountNumberInput teller={teller} id="withdrawal-account" autoFocus onFound={found} onError={setError} />
          {view ? <AccountPanel view={view} /> : null}
          {view ? (
            <fieldset className="field">
              <legend>Presentes e identificados</legend>
              {holders.map((h) => {
                const k = `${h.id.type}:${h.id.number}`;
                return (
                  <label key={k}>
                    <input type="checkbox" checked={present[k] ?? false} onChange={(e) => setPresent({ ...present, [k]: e.target.checked })} /> {h.name} ({formatDocument(h.id)})
                  </label>
                );
              })}
            </fieldset>
          ) : null}
        </div>
        <div>
          {view ? (
            <div ref={amountRef}>
              <AmountInput id="withdrawal-amount" label="Valor a retirar" value={amount} onChange={setAmount} onEnter={() => void review()} />
              <div className="field">
                <label htmlFor="withdrawal-payout">Forma de pago</label>
                <select id="withdrawal-payout" value={payoutKind} onChange={(e) => setPayoutKind(e.target.value as typeof payoutKind)}>
                  <option value="efectivo">Efectivo</option>
                  <option value="cheque-titular">Cheque de gerencia al titular</option>
                  <option value="cheque-tercero">Cheque de gerencia a un tercero</option>
                </select>
              </div>
              {payoutKind === 'cheque-tercero' ? (
                <>
                  <div className="field">
                    <label htmlFor="withdrawal-beneficiary">Beneficiario del cheque</label>
                    <input id="withdrawal-beneficiary" autoComplete="off" value={third.name} onChange={(e) => setThird({ ...third, name: e.target.value })} />
                  </div>
                  <div className="field">
                    <label htmlFor="withdrawal-beneficiary-doc">Cédula del beneficiario</label>
                    <input
                      id="withdrawal-beneficiary-doc"
                      inputMode="numeric"
                      autoComplete="off"
                      value={third.number}
                      onChange={(e) => setThird({ ...third, number: e.target.value.replace(/\D/g, '') })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          void review();
                        }
                      }}
                    />
                  </div>
                </>
              ) : null}
            </div>
          ) : null}
          {pending ? (
            <div className="error-banner" role="alert" data-testid="withdrawal-pending">
              Pendiente de confirmación: {pending}
              <div className="actions">
                <button type="button" className="primary" onClick={() => void post()}>
                  Reintentar
                </button>
              </div>
            </div>
          ) : null}
          <ErrorList error={error} />
          <ReviewActions onCancel={onCancel} onReview={() => void review()} disabled={!view || busy} />
        </div>
      </div>
      <ComprobanteStepDialogs
        steps={steps}
        plan={plan}
        teller={teller}
        operation={request() ? { kind: 'withdrawal', request: request() as WithdrawalRequestInput } : null}
        declaration={
          view && plan
            ? {
                direction: 'retiro',
                amount: plan.amount,
                accountNumber: view.account.number,
                transactor: { id: presenters[0] ?? { type: 'CC', number: '' }, name: holders.find((h) => present[`${h.id.type}:${h.id.number}`])?.name ?? '' },
                office: { code: '001', city: OFFICE_CITY },
                ...bogotaNow(),
              }
            : null
        }
        confirm={{ title: 'Confirmar retiro', label: 'Autorizar y pagar', busy, onConfirm: () => void post(), summary: plan ? <WithdrawalSummary plan={plan} mix={mix} /> : null }}
      />
    </main>
  );
};

/** What the teller reads to the customer before paying: debits with the GMF apart, total, commission, payout. */
const WithdrawalSummary = ({ plan, mix }: { plan: Plan; mix: DenominationCount | null }) => (
  <>
    <DebitsTable testId="withdrawal-summary" plan={plan} commission={plan.debits.filter((d) => d.kind === 'cheque-gerencia').reduce((s, d) => s + d.amount, 0)} />
    {plan.payout.kind === 'cheque-gerencia' ? (
      <p data-testid="payout-cheque">
        Cheque de gerencia a nombre de {plan.payout.beneficiary.name}
        {plan.payout.firstBeneficiaryOnly ? ', para consignar en cuenta del primer beneficiario' : ''}. No se entrega efectivo.
      </p>
    ) : null}
    {mix ? (
      <p data-testid="payout-mix">
        Entregar:{' '}
        {DENOMINATIONS.filter((d) => countOf(mix, d) > 0)
          .map((d) => `${countOf(mix, d)} × ${formatPesos(d)}`)
          .join(', ')}
      </p>
    ) : null}
  </>
);
