import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { AccountView } from '../../../domain/contract/accounts';
import type { TellerApi } from '../../../domain/contract/client';
import type { WithdrawalPlanSchema } from '../../../domain/contract/withdrawal';
import { DENOMINATIONS, countOf, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { declarationNotice } from '../../../domain/uiaf/declaration';
import { payeeLine } from '../../../domain/withdrawal/cheque';
import { beneficiaryDocumentWarning } from '../../../domain/withdrawal/beneficiary-document';
import type { WithdrawalRequestInput } from '../../../domain/withdrawal/request';
import { AmountInput } from '../../components/AmountInput';
import { ComprobanteStepDialogs, PostedView, useComprobanteSteps } from '../../components/ComprobanteSteps';
import { DebitsTable } from '../../components/DebitsTable';
import { DocumentInput, type DocumentValue } from '../../components/DocumentInput';
import { ErrorList } from '../../components/ErrorList';
import { useInputError } from '../../components/useInputError';
import { AbandonNotice, PendingBanner, usePendingDebit } from '../../components/PendingBanner';
import { ReviewActions, reviewOnEnter } from '../../components/ReviewActions';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { AccountNumberInput, AccountPanel } from '../accounts/AccountLookup';
import { bogotaNow, OFFICE_CITY } from '../deposit/bogota';
import { DebitParties, focusPresentersOnF2, candidatesOf, initialParties, partiesRequest, presentPeople, type DebitPartiesValue } from './DebitParties';
import { PostedPapers } from '../../components/PostedPapers';
import type { PersonId } from '../../../domain/accounts/person';
import { FingerprintStep, type FingerprintEvidence } from './FingerprintStep';

type Plan = z.infer<typeof WithdrawalPlanSchema>;

/**
 * Retiro por ventanilla (F4): account, who is present (a holder, every holder of a conjunta, an authorized person
 * or, for a jurídica, the legal representative with the certificate's date), amount; the summary shows
 * the GMF on its own line and the bills to hand over. Central authorizes online before any cash is paid; when
 * it does not answer the comprobante stays pending and Enter retries with the same key.
 */
export const WithdrawalScreen = ({ teller, onDone, onCancel }: { teller: TellerApi; onDone: () => void; onCancel: () => void }) => {
  const [view, setView] = useState<AccountView | null>(null);
  const [parties, setParties] = useState<DebitPartiesValue>({ present: {}, certificate: '' });
  const [amount, setAmount] = useState<number | null>(null);
  const [payoutKind, setPayoutKind] = useState<'efectivo' | 'cheque-titular' | 'cheque-tercero'>('efectivo');
  const [third, setThird] = useState<{ name: string; id: DocumentValue }>({ name: '', id: { type: 'CC', number: '' } });
  const [chequeNumber, setChequeNumber] = useState('');
  /** The beneficiary (name and document type) the teller confirmed past the warning; another one is warned again. */
  const [confirmedBeneficiary, setConfirmedBeneficiary] = useState<string | null>(null);
  const confirmBeneficiaryRef = useRef<HTMLButtonElement>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const steps = useComprobanteSteps();
  // Seed 003 cl. 4 c: at or above the bank's threshold, each person who takes the money places a finger. The core
  // keeps when this comprobante started (first capture) and judges every reference against its own records.
  const comprobanteId = useRef(crypto.randomUUID()).current;
  const [needed, setNeeded] = useState<readonly PersonId[]>([]);
  const [evidence, setEvidence] = useState<readonly FingerprintEvidence[]>([]);
  const [verifying, setVerifying] = useState(false);
  const { approvalId, declaration } = steps;
  // Errors are about what was reviewed: changing any of it takes them off the screen.
  const { error, setError, outdated } = useInputError({ account: view?.account.number ?? null, parties, amount, payoutKind, third, chequeNumber });
  // Beyond the account's lookup (Esc after reading "Retirable hoy" just leaves), what was typed is asked before it is lost.
  const dirty = amount !== null || payoutKind !== 'efectivo' || parties.certificate !== '' || third.name.trim() !== '' || third.id.number !== '' || chequeNumber !== '';
  const { busy, setBusy, pending, posted, abandon, leaving, post: postDebit } = usePendingDebit(teller.withdrawal, {
    what: 'El retiro',
    leave: onCancel,
    setError,
    afterPost: steps.edit,
    unsaved: { dirty, what: 'el retiro', lost: 'lo digitado: el valor, la forma de pago y el beneficiario' },
    refused: () => void reread(),
    approvalOutdated: steps.forgetApproval,
  });
  const amountRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (view) amountRef.current?.querySelector('input')?.focus();
  }, [view]);

  const present = parties.present;
  const who = view ? partiesRequest(view.account, parties) : null;
  const presenters = who?.ok ? who.presenters : [];
  const transactor = view ? candidatesOf(view.account).find((c) => present[c.key]) : undefined;
  // Cl. 4 parágrafo: cash, or a cheque de gerencia to the holder or, at the holder's request, to a third party.
  const payout = (): WithdrawalRequestInput['payout'] | null => {
    if (payoutKind === 'efectivo') return { kind: 'efectivo' };
    // The core checks the number's digits and says what is wrong with it in words.
    const number = chequeNumber.trim();
    if (!number) return null;
    // To the holder: the core names them from the account (every holder of a conjunta, cl. 2.4.3), not the screen.
    if (payoutKind === 'cheque-titular') return { kind: 'cheque-gerencia', number };
    // A company may be the beneficiary (NIT): the core checks the document as it checks every other one.
    const name = third.name.trim().toUpperCase();
    return name && third.id.number.trim() ? { kind: 'cheque-gerencia', number, beneficiary: { id: third.id, name } } : null;
  };
  /** The withdrawal without its UIAF declaration: what the approval and the declaration are given for. */
  const operation = (): WithdrawalRequestInput | null => {
    const p = payout();
    if (!view || amount === null || !p || !who?.ok) return null;
    const { ok: _ok, ...fields } = who;
    return { accountNumber: view.account.number, amount, ...fields, payout: p };
  };
  /** The evidence of each person the last review said must be verified, in that order; null while one lacks it. */
  const fingerprintsFor = (people: readonly PersonId[]): FingerprintEvidence[] | null => {
    const found = people.map((p) => evidence.find((e) => e.person.type === p.type && e.person.number === p.number));
    return found.every((e) => e !== undefined) ? (found as FingerprintEvidence[]) : null;
  };
  const withIdentity = (op: WithdrawalRequestInput, people: readonly PersonId[]): WithdrawalRequestInput => {
    const fingerprints = fingerprintsFor(people);
    return people.length > 0 && fingerprints ? { ...op, identity: { comprobanteId, fingerprints } } : op;
  };
  const request = (): WithdrawalRequestInput | null => {
    const base = operation();
    const op = base ? withIdentity(base, needed) : null;
    return op && declaration ? { ...op, declaration } : op;
  };

  const found = (v: AccountView) => {
    setView(v);
    setParties(initialParties(v.account));
    setPlan(null);
  };
  const stale = () => {
    setView(null);
    setPlan(null);
  };
  /** After central's refusal the core brought its copy up to date: the panel shows the balance the teller retries with. */
  const reread = async () => {
    if (!view) return;
    const r = await teller.accounts.lookup({ accountNumber: view.account.number }).catch(() => null);
    if (r?.ok) setView((shown) => (shown?.account.number === r.data.account.number ? r.data : shown));
  };

  // A company's name with a personal document, or a person's with a NIT: said at the field, confirmed once (not a block).
  const beneficiaryKey = `${third.name.trim().toUpperCase()}|${third.id.type}`;
  const beneficiaryWarning = payoutKind === 'cheque-tercero' ? beneficiaryDocumentWarning(third.name, third.id.type) : null;
  const beneficiaryConfirmed = beneficiaryWarning === null || confirmedBeneficiary === beneficiaryKey;

  const review = async (confirmedNow = false) => {
    // Evaluated without a declaration: one taken for an earlier amount would only be refused here.
    const req = operation();
    if (who && !who.ok) return setError(who.message);
    if (view && amount !== null && !payout()) {
      return setError(chequeNumber.trim() ? 'Escriba el nombre y el documento del beneficiario del cheque de gerencia.' : 'Escriba el número del cheque de gerencia que va a entregar.');
    }
    // The warning stands at the field: Enter takes the teller to its confirmation, where Enter goes on.
    if (!beneficiaryConfirmed && !confirmedNow) return confirmBeneficiaryRef.current?.focus();
    if (!req) return setError(view ? 'Escriba el valor a retirar y presione Enter.' : 'Escriba el número de cuenta y presione Enter.');
    if (presenters.length === 0) return setError('Marque quién está presente e identificado: titular, persona autorizada o representante legal.');
    setBusy(true);
    let r = await teller.withdrawal.evaluate({ request: req });
    const people = r.ok ? r.data.plan.fingerprintRequired : [];
    setNeeded(people);
    // Someone must still place a finger: the step asks them before the approval and the confirmation.
    if (r.ok && people.length > 0 && fingerprintsFor(people) === null) {
      setBusy(false);
      setError(null);
      setPlan(r.data.plan);
      setVerifying(true);
      return;
    }
    // Every finger taken: the core checks them now, and a "Sin validación biométrica" joins the approval's reasons.
    const sent = withIdentity(req, people);
    if (r.ok && sent !== req) r = await teller.withdrawal.evaluate({ request: sent });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPlan(r.data.plan);
    steps.advance(r.data.plan, JSON.stringify(sent));
  };
  /** Who the step still asks for, named as the account knows them. */
  const toVerify = view
    ? needed.filter((p) => !evidence.some((e) => e.person.type === p.type && e.person.number === p.number)).map((id) => ({ id, name: candidatesOf(view.account).find((c) => c.id.type === id.type && c.id.number === id.number)?.name ?? `${id.type} ${id.number}` }))
    : [];

  const post = () => postDebit(request(), approvalId);
  // After the last finger, the review runs in the render that carries the evidence it just set: a counter in state
  // (set in the same batch as the evidence) rather than a ref any render's effect could pick up first, since a render
  // already under way for a status push would review with the evidence before the last finger.
  const [reviewAfterFingers, setReviewAfterFingers] = useState(0);
  useEffect(() => {
    if (reviewAfterFingers > 0) void review();
    // Only a new request for it reviews; review itself reads this render's state.
  }, [reviewAfterFingers]);

  if (posted) {
    return (
      <PostedView
        id="withdrawal-done"
        title="Retiro registrado"
        sequence={posted.sequence}
        instruction={payoutKind !== 'efectivo' ? `Entregue el cheque de gerencia No. ${chequeNumber.trim()} y haga firmar el comprobante.` : 'Entregue el efectivo según el desglose y haga firmar el comprobante.'}
        onDone={onDone}
      >
        <ReceiptPreview
          receipt={posted.receipt}
          print={<PostedPapers teller={teller} printJob={posted.printJob} validationJob={posted.validationJob} />}
        />
      </PostedView>
    );
  }

  const mix = plan?.payout.kind === 'efectivo' ? plan.payout.mix : null;
  return (
    <main
      className="screen"
      aria-labelledby="withdrawal-title"
      onKeyDown={(e) => {
        // The fingerprint step is a dialog of its own: its Enter captures, it does not review the withdrawal.
        const editing = steps.step === 'edit' && !(verifying && toVerify.length > 0);
        focusPresentersOnF2(e, editing);
        if (editing) reviewOnEnter(e, () => void review());
      }}
    >
      <h1 id="withdrawal-title">Retiro</h1>
      <div className="comp-grid">
        <div>
          <AccountNumberInput teller={teller} id="withdrawal-account" autoFocus onFound={found} onStale={stale} onError={setError} />
          {view ? <AccountPanel view={view} /> : null}
          {view ? (
            <DebitParties
              legend="Presentes e identificados"
              account={view.account}
              certificateMaxAgeDays={view.juridicaCertificateMaxAgeDays}
              conditions={view.authorizedConditions}
              value={parties}
              onChange={setParties}
              onEnter={() => void review()}
            />
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
              {payoutKind !== 'efectivo' ? (
                <div className="field">
                  <label htmlFor="withdrawal-cheque-number">Número del cheque de gerencia</label>
                  <input id="withdrawal-cheque-number" autoComplete="off" inputMode="numeric" value={chequeNumber} onChange={(e) => setChequeNumber(e.target.value)} />
                </div>
              ) : null}
              {payoutKind === 'cheque-tercero' ? (
                <>
                  <div className="field">
                    <label htmlFor="withdrawal-beneficiary">Beneficiario del cheque</label>
                    <input id="withdrawal-beneficiary" autoComplete="off" value={third.name} onChange={(e) => setThird({ ...third, name: e.target.value })} />
                  </div>
                  <DocumentInput label="Documento del beneficiario" value={third.id} onChange={(id) => setThird({ ...third, id })} onEnter={() => void review()} />
                  {beneficiaryWarning ? (
                    <div className="error-banner" role="status" data-testid="beneficiary-warning">
                      <p>{beneficiaryWarning.message}</p>
                      {beneficiaryConfirmed ? (
                        <p>Confirmado: el cheque se gira con este documento.</p>
                      ) : (
                        <button
                          type="button"
                          className="secondary"
                          ref={confirmBeneficiaryRef}
                          onClick={() => {
                            setConfirmedBeneficiary(beneficiaryKey);
                            void review(true);
                          }}
                        >
                          El documento es correcto, continuar
                        </button>
                      )}
                    </div>
                  ) : null}
                </>
              ) : null}
            </div>
          ) : null}
          <PendingBanner message={pending} testId="withdrawal-pending" onRetry={() => void post()} onAbandon={() => void abandon.run()} busy={busy || abandon.busy} />
          <AbandonNotice message={abandon.notice} />
          {leaving.dialog}
          <ErrorList error={error} outdated={outdated} />
          <ReviewActions onCancel={leaving.leave} onReview={() => void review()} disabled={!view || busy} />
        </div>
      </div>
      {verifying && toVerify.length > 0 ? (
        <FingerprintStep
          teller={teller}
          comprobanteId={comprobanteId}
          people={toVerify}
          onEvidence={(e) => {
            const next = [...evidence.filter((x) => !(x.person.type === e.person.type && x.person.number === e.person.number)), e];
            setEvidence(next);
            // The last person verified: Revisar again, now with every finger (the core checks them).
            if (toVerify.length === 1) {
              setVerifying(false);
              setReviewAfterFingers((n) => n + 1);
            }
          }}
          onCancel={() => setVerifying(false)}
        />
      ) : null}
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
                why: plan.uiaf.why,
                accountNumber: view.account.number,
                transactor: { id: transactor?.id ?? { type: 'CC', number: '' }, name: transactor?.name ?? '' },
                office: { code: '001', city: OFFICE_CITY },
                ...bogotaNow(),
              }
            : null
        }
        confirm={{ title: 'Confirmar retiro', label: 'Autorizar y pagar', busy, onConfirm: () => void post(), summary: plan && view ? <WithdrawalSummary plan={plan} mix={mix} view={view} who={presentPeople(view.account, parties)} declarationTaken={declaration !== null} /> : null }}
      />
    </main>
  );
};

/**
 * What the teller reads to the customer before paying: whose account and who withdraws, debits with the GMF apart, total,
 * commission, payout, and the UIAF declaration as the deposit's summary says it (the plan was evaluated without it).
 */
const WithdrawalSummary = ({ plan, mix, view, who, declarationTaken }: { plan: Plan; mix: DenominationCount | null; view: AccountView; who: string; declarationTaken: boolean }) => (
  <>
    <p data-testid="withdrawal-account-line">
      Cuenta {view.account.number} ({view.account.holders.map((h) => h.name).join(', ')}). Retira: {who}.
    </p>
    <DebitsTable testId="withdrawal-summary" plan={plan} commission={plan.debits.filter((d) => d.kind === 'cheque-gerencia').reduce((s, d) => s + d.amount, 0)} />
    {plan.payout.kind === 'cheque-gerencia' ? (
      <p data-testid="payout-cheque">
        Cheque de gerencia No. {plan.payout.number} a nombre de {payeeLine(plan.payout.beneficiaries)}
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
    {plan.uiaf.declarationRequired ? <p data-testid="withdrawal-uiaf">{declarationNotice('retiro', true, declarationTaken)}</p> : null}
  </>
);
