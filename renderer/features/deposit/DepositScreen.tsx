import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../domain/contract/accounts';
import type { TellerApi } from '../../../domain/contract/client';
import type { DepositPlanView } from '../../../domain/contract/deposit';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import { chequeRowProblems, type ChequeLine, type DepositSlipInput } from '../../../domain/deposit/slip';
import { totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { AmountInput } from '../../components/AmountInput';
import { ComprobanteStepDialogs, PostedView, useComprobanteSteps } from '../../components/ComprobanteSteps';
import { DenominationGrid } from '../../components/DenominationGrid';
import { DocumentInput, type DocumentValue } from '../../components/DocumentInput';
import { ErrorList } from '../../components/ErrorList';
import { useInputError } from '../../components/useInputError';
import { ReviewActions } from '../../components/ReviewActions';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { AccountNumberInput, AccountPanel } from '../accounts/AccountLookup';
import { bogotaNow, OFFICE_CITY } from './bogota';
import { ChequeRows, emptyCheque, focusLastPlaza, type ChequeRow } from './ChequeRows';
import { DepositSummary } from './DepositSummary';
import { PostedPapers } from '../../components/PostedPapers';
import { useLeaveUnsaved } from '../../components/LeaveUnsaved';

/**
 * Who F2 may name as the depositor: the holders, or for a company's account (which cannot stand at the counter)
 * its legal representatives and authorized persons, the natural persons the UIAF asks for (domain-co §2).
 */
const registeredPeople = (view: AccountView) => {
  const a = view.account;
  if (a.owner !== 'juridica') return a.holders.map((h) => ({ ...h, label: `Consigna el titular ${h.name}` }));
  const seen = new Set<string>();
  return [...a.legalRepresentatives.map((p) => ({ p, role: 'representante legal' })), ...a.authorized.map((p) => ({ p, role: 'persona autorizada' }))]
    .filter(({ p }) => !seen.has(`${p.id.type}:${p.id.number}`) && seen.add(`${p.id.type}:${p.id.number}`))
    .map(({ p, role }) => ({ ...p, label: `Consigna ${p.name} (${role})` }));
};

/** The cheque row inputs' ids (ChequeRows): `chq-<this>-<row index>`. */
const CHEQUE_FIELD_ID: Record<keyof ChequeLine, string> = { bank: 'bank', number: 'number', drawerAccount: 'drawer', amount: 'amount', city: 'city' };

const NO_DEPOSITOR =
  'Identifique a quien consigna: presione F2 si es el titular (otra vez F2 para el siguiente titular) o escriba el tipo y número de documento de quien consigna.';

/**
 * Consignación (F3): account, who deposits, cash by denomination, cheques, the slip's total; then the
 * confirmation summary, supervisor approval or UIAF declaration when the core asks for them, and the receipt.
 * F10 jumps to the total from anywhere; F8 adds a cheque; F2 names a holder as the depositor (nobody is presumed);
 * 'Consigna un tercero' (Shift+F2) clears it and starts at the document's number, whose Enter goes on to the name.
 * One idempotency key per comprobante.
 */
export const DepositScreen = ({ teller, onDone, onCancel }: { teller: TellerApi; onDone: () => void; onCancel: () => void }) => {
  const [view, setView] = useState<AccountView | null>(null);
  const [depositor, setDepositor] = useState<DocumentValue>({ type: 'CC', number: '' });
  const [depositorName, setDepositorName] = useState('');
  const [cash, setCash] = useState<DenominationCount>({});
  const [cheques, setCheques] = useState<ChequeRow[]>([]);
  const [declared, setDeclared] = useState<number | null>(null);
  const [plan, setPlan] = useState<DepositPlanView | null>(null);
  const steps = useComprobanteSteps();
  const { approvalId, declaration } = steps;
  // Errors are about what was reviewed: changing any of it takes them off the screen.
  const { error, setError, outdated } = useInputError({ account: view?.account.number ?? null, depositor, depositorName, cash, cheques, declared });
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<PostedComprobante | null>(null);
  const key = useRef(crypto.randomUUID());
  const gridRef = useRef<HTMLDivElement>(null);
  const depositorRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const totalRef = useRef<HTMLDivElement>(null);
  // What F10 and the end of the cheque rows bring the teller to: a total to write, so typing replaces the old one.
  const toTotal = useCallback(() => {
    const total = totalRef.current?.querySelector('input');
    total?.focus();
    total?.select();
  }, []);
  const leaving = useLeaveUnsaved({
    dirty: posted === null && (Object.values(cash).some((n) => (n ?? 0) > 0) || cheques.length > 0 || declared !== null),
    what: 'la consignación',
    lost: 'lo digitado: el efectivo contado, los cheques y el total',
    leave: onCancel,
  });

  // After a lookup the count starts: the first denomination row takes the focus once the grid is on screen.
  useEffect(() => {
    if (view) gridRef.current?.querySelector('input')?.focus();
  }, [view]);

  const people = view ? registeredPeople(view) : [];
  const personIndex = people.findIndex((h) => h.id.type === depositor.type && h.id.number === depositor.number);
  const isRegistered = personIndex >= 0;
  const identified = depositor.number.trim() !== '';
  // F2 steps through them, so even on a colectiva the teller names who deposits without the mouse.
  const pickPerson = (index: number) => {
    const h = people[index % Math.max(people.length, 1)];
    if (!h) return;
    setDepositor({ type: h.id.type, number: h.id.number });
    setDepositorName('');
  };
  // A third party: nobody is named, and the teller types the document they show, starting at its number.
  const pickThirdParty = () => {
    setDepositor({ type: 'CC', number: '' });
    setDepositorName('');
    depositorRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  };
  const slip = (): DepositSlipInput | null => {
    if (!view || declared === null) return null;
    return {
      accountNumber: view.account.number,
      depositor: { id: depositor, ...(depositorName.trim() ? { name: depositorName.trim() } : {}) },
      cash,
      cheques: cheques.map((c) => ({ bank: c.bank, number: c.number, drawerAccount: c.drawerAccount, amount: c.amount ?? 0, city: c.city })),
      declaredTotal: declared,
    };
  };

  const found = (v: AccountView) => {
    setView(v);
    // Never presume the holder deposits: a third party recorded as the holder skews the UIAF data.
    setDepositor({ type: 'CC', number: '' });
    setDepositorName('');
    setPlan(null);
  };
  // The cash and cheques typed so far stay: they come back with the right account.
  const stale = () => {
    setView(null);
    setPlan(null);
  };

  const review = async () => {
    if (view && !identified) return setError(NO_DEPOSITOR);
    const s = slip();
    if (!s) return setError(view ? 'Escriba el total del comprobante (F10) y presione Enter.' : 'Escriba el número de cuenta y presione Enter.');
    // A wrong cheque row is named and its first wrong field takes the focus, before asking the core.
    const rows = chequeRowProblems(s.cheques ?? []);
    const first = rows[0];
    if (first) {
      setError({ code: 'CHEQUE_ROW_INVALID', message: first.message, details: { errors: rows.map((p) => ({ message: p.message })) } });
      document.getElementById(`chq-${CHEQUE_FIELD_ID[first.field]}-${first.row}`)?.focus();
      return;
    }
    setBusy(true);
    const r = await teller.deposit.evaluate({ slip: s });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPlan(r.data.plan);
    steps.advance(r.data.plan, JSON.stringify(s));
  };

  const post = async () => {
    const s = slip();
    if (!s || busy) return;
    setBusy(true);
    const r = await teller.deposit.post({ idempotencyKey: key.current, slip: s, ...(approvalId ? { approvalId } : {}), ...(declaration ? { declaration } : {}) });
    setBusy(false);
    steps.edit();
    if (r.ok) setPosted(r.data);
    else setError(r.error);
  };

  if (posted) {
    return (
      <PostedView id="deposit-done" title="Consignación registrada" sequence={posted.sequence} onDone={onDone}>
        <ReceiptPreview
          receipt={posted.receipt}
          print={<PostedPapers teller={teller} printJob={posted.printJob} validationJob={posted.validationJob} />}
        />
      </PostedView>
    );
  }

  const counted = totalOfCount(cash);
  const chequesTotal = cheques.reduce((s, c) => s + (c.amount ?? 0), 0);
  return (
    <main
      className="screen"
      aria-labelledby="deposit-title"
      onKeyDown={(e) => {
        if (steps.step !== 'edit') return;
        if (e.key === 'F10') {
          e.preventDefault();
          toTotal();
        } else if (e.key === 'F8' && view) {
          e.preventDefault();
          setCheques([...cheques, emptyCheque()]);
        } else if (e.key === 'F2' && e.shiftKey && view) {
          // Shift+F2, beside F2's holders: a third party from anywhere on the slip (it had no key: from the cash grid
          // the teller Shift+Tabbed up to its button).
          e.preventDefault();
          pickThirdParty();
        } else if (e.key === 'F2' && view) {
          e.preventDefault();
          pickPerson(personIndex + 1);
        }
      }}
    >
      <h1 id="deposit-title">Consignación</h1>
      <div className="comp-grid">
        <div>
          <AccountNumberInput teller={teller} id="deposit-account" autoFocus onFound={found} onStale={stale} onError={setError} />
          {view ? <AccountPanel view={view} /> : null}
          {view ? (
            <>
              <div className="field" role="group" aria-label="Quien consigna">
                {people.map((h, i) => (
                  <button key={`${h.id.type}:${h.id.number}`} type="button" aria-pressed={i === personIndex} onClick={() => pickPerson(i)}>
                    {h.label}
                    {i === 0 ? ' (F2)' : ''}
                  </button>
                ))}
                <button type="button" aria-pressed={identified && !isRegistered} onClick={pickThirdParty}>
                  Consigna un tercero <kbd>Mayús+F2</kbd>
                </button>
              </div>
              <div ref={depositorRef}>
                <DocumentInput
                  label="Documento de quien consigna"
                  value={depositor}
                  onChange={setDepositor}
                  // Enter goes on to the next thing to fill: a third party's name, else the cash.
                  onEnter={() => (nameRef.current ?? gridRef.current?.querySelector('input'))?.focus()}
                />
              </div>
              <p data-testid="depositor" className={identified ? undefined : 'notice'}>
                {!identified ? 'Sin identificar: F2 si consigna el titular, o escriba el documento de quien consigna.' : isRegistered ? `${people[personIndex]?.label ?? ''}.` : 'Consigna un tercero (no es titular).'}
              </p>
              {identified && !isRegistered ? (
                <div className="field">
                  <label htmlFor="depositor-name">Nombre de quien consigna (no es titular)</label>
                  <input
                    id="depositor-name"
                    ref={nameRef}
                    autoComplete="off"
                    value={depositorName}
                    onChange={(e) => setDepositorName(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter') return;
                      e.preventDefault();
                      gridRef.current?.querySelector('input')?.focus();
                    }}
                  />
                </div>
              ) : null}
              <ChequeRows rows={cheques} onChange={setCheques} onLeave={toTotal} />
            </>
          ) : null}
        </div>
        <div>
          {view ? (
            <div ref={gridRef}>
              <DenominationGrid caption="Efectivo recibido" value={cash} onChange={setCash} onDone={() => totalRef.current?.querySelector('input')?.focus()} />
            </div>
          ) : null}
          {view ? (
            <div
              ref={totalRef}
              onKeyDown={(e) => {
                if (e.key === 'Tab' && e.shiftKey && focusLastPlaza(cheques)) e.preventDefault();
              }}
            >
              <AmountInput id="deposit-total" label="Total del comprobante" value={declared} onChange={setDeclared} onEnter={() => void review()} />
              <p className="big-total">
                Efectivo {formatPesos(counted)} + cheques {formatPesos(chequesTotal)} = <strong data-testid="deposit-received">{formatPesos(counted + chequesTotal)}</strong>
              </p>
            </div>
          ) : null}
          <ErrorList error={error} outdated={outdated} />
          <ReviewActions onCancel={leaving.leave} onReview={() => void review()} disabled={!view || busy} />
        </div>
      </div>
      <ComprobanteStepDialogs
        steps={steps}
        plan={plan}
        teller={teller}
        operation={slip() ? { kind: 'deposit', slip: slip() as DepositSlipInput } : null}
        declaration={
          view && plan
            ? {
                direction: 'deposito',
                amount: plan.cash,
                why: plan.uiaf.why,
                accountNumber: view.account.number,
                transactor: { id: depositor, name: people[personIndex]?.name ?? depositorName },
                office: { code: '001', city: OFFICE_CITY },
                ...bogotaNow(),
              }
            : null
        }
        confirm={{ title: 'Confirmar consignación', label: 'Registrar', busy, onConfirm: () => void post(), summary: plan ? <DepositSummary plan={plan} declarationTaken={declaration !== null} /> : null }}
      />
      {leaving.dialog}
    </main>
  );
};
