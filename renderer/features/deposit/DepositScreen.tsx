import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../domain/contract/accounts';
import type { AppErrorShape } from '../../../domain/contract/channel';
import type { TellerApi } from '../../../domain/contract/client';
import type { DepositPlanView } from '../../../domain/contract/deposit';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { DepositSlipInput } from '../../../domain/deposit/slip';
import { totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import type { CashDeclaration } from '../../../domain/uiaf/declaration';
import { AmountInput } from '../../components/AmountInput';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DeclarationForm } from '../../components/DeclarationForm';
import { DenominationGrid } from '../../components/DenominationGrid';
import { DocumentInput, type DocumentValue } from '../../components/DocumentInput';
import { ErrorList } from '../../components/ErrorList';
import { ReviewActions } from '../../components/ReviewActions';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { SupervisorApproval } from '../../components/SupervisorApproval';
import { AccountNumberInput, AccountPanel } from '../accounts/AccountLookup';
import { bogotaNow, OFFICE_CITY } from './bogota';
import { ChequeRows, emptyCheque, type ChequeRow } from './ChequeRows';
import { DepositSummary } from './DepositSummary';

type Step = 'edit' | 'approval' | 'declaration' | 'confirm';

/**
 * Consignación (F3): account, who deposits, cash by denomination, cheques, the slip's total; then the
 * confirmation summary, supervisor approval or UIAF declaration when the core asks for them, and the receipt.
 * F10 jumps to the total from anywhere; F8 adds a cheque. One idempotency key per comprobante.
 */
export const DepositScreen = ({ teller, onDone, onCancel }: { teller: TellerApi; onDone: () => void; onCancel: () => void }) => {
  const [view, setView] = useState<AccountView | null>(null);
  const [depositor, setDepositor] = useState<DocumentValue>({ type: 'CC', number: '' });
  const [depositorName, setDepositorName] = useState('');
  const [cash, setCash] = useState<DenominationCount>({});
  const [cheques, setCheques] = useState<ChequeRow[]>([]);
  const [declared, setDeclared] = useState<number | null>(null);
  const [plan, setPlan] = useState<DepositPlanView | null>(null);
  const [step, setStep] = useState<Step>('edit');
  const [approvalId, setApprovalId] = useState<string | null>(null);
  const [declaration, setDeclaration] = useState<CashDeclaration | null>(null);
  const [error, setError] = useState<AppErrorShape | string | null>(null);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<PostedComprobante | null>(null);
  const key = useRef(crypto.randomUUID());
  const gridRef = useRef<HTMLDivElement>(null);
  const totalRef = useRef<HTMLDivElement>(null);

  // After a lookup the count starts: the first denomination row takes the focus once the grid is on screen.
  useEffect(() => {
    if (view) gridRef.current?.querySelector('input')?.focus();
  }, [view]);

  const isHolder = view?.account.holders.some((h) => h.id.type === depositor.type && h.id.number === depositor.number) ?? true;
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
    const first = v.account.holders[0];
    if (first) setDepositor({ type: first.id.type, number: first.id.number });
    setPlan(null);
    setApprovalId(null);
  };

  const next = (p: DepositPlanView, approved: string | null, decl: CashDeclaration | null) => {
    if (p.approvalReasons.length > 0 && approved === null) return setStep('approval');
    if (p.uiaf.declarationRequired && decl === null) return setStep('declaration');
    setStep('confirm');
  };

  const review = async () => {
    const s = slip();
    if (!s) return setError(view ? 'Escriba el total del comprobante (F10) y presione Enter.' : 'Escriba el número de cuenta y presione Enter.');
    setBusy(true);
    const r = await teller.deposit.evaluate({ slip: s });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPlan(r.data.plan);
    next(r.data.plan, approvalId, declaration);
  };

  const post = async () => {
    const s = slip();
    if (!s || busy) return;
    setBusy(true);
    const r = await teller.deposit.post({ idempotencyKey: key.current, slip: s, ...(approvalId ? { approvalId } : {}), ...(declaration ? { declaration } : {}) });
    setBusy(false);
    setStep('edit');
    if (r.ok) setPosted(r.data);
    else setError(r.error);
  };

  if (posted) {
    return (
      <main
        className="screen"
        aria-labelledby="deposit-done"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onDone();
          }
        }}
      >
        <h1 id="deposit-done">Consignación registrada · {posted.sequence}</h1>
        <ReceiptPreview receipt={posted.receipt} printState={posted.printJob?.state ?? null} />
        <div className="actions">
          <button type="button" className="primary" autoFocus onClick={onDone}>
            Nueva operación <kbd>Enter</kbd>
          </button>
        </div>
      </main>
    );
  }

  const counted = totalOfCount(cash);
  const chequesTotal = cheques.reduce((s, c) => s + (c.amount ?? 0), 0);
  return (
    <main
      className="screen"
      aria-labelledby="deposit-title"
      onKeyDown={(e) => {
        if (step !== 'edit') return;
        if (e.key === 'F10') {
          e.preventDefault();
          totalRef.current?.querySelector('input')?.focus();
        } else if (e.key === 'F8' && view) {
          e.preventDefault();
          setCheques([...cheques, emptyCheque()]);
        }
      }}
    >
      <h1 id="deposit-title">Consignación</h1>
      <div className="comp-grid">
        <div>
          <AccountNumberInput teller={teller} id="deposit-account" autoFocus onFound={found} onError={setError} />
          {view ? <AccountPanel view={view} /> : null}
          {view ? (
            <>
              <DocumentInput label="Documento de quien consigna" value={depositor} onChange={setDepositor} />
              {!isHolder ? (
                <div className="field">
                  <label htmlFor="depositor-name">Nombre de quien consigna (no es titular)</label>
                  <input id="depositor-name" autoComplete="off" value={depositorName} onChange={(e) => setDepositorName(e.target.value)} />
                </div>
              ) : null}
              <ChequeRows rows={cheques} onChange={setCheques} />
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
            <div ref={totalRef}>
              <AmountInput id="deposit-total" label="Total del comprobante" value={declared} onChange={setDeclared} onEnter={() => void review()} />
              <p className="big-total">
                Efectivo {formatPesos(counted)} + cheques {formatPesos(chequesTotal)} = <strong data-testid="deposit-received">{formatPesos(counted + chequesTotal)}</strong>
              </p>
            </div>
          ) : null}
          <ErrorList error={error} />
          <ReviewActions onCancel={onCancel} onReview={() => void review()} disabled={!view || busy} />
        </div>
      </div>
      {step === 'approval' && plan && slip() ? (
        <SupervisorApproval
          teller={teller}
          operation={{ kind: 'deposit', slip: slip() as DepositSlipInput }}
          onCancel={() => setStep('edit')}
          onApproved={(id) => {
            setApprovalId(id);
            next(plan, id, declaration);
          }}
        />
      ) : null}
      {step === 'declaration' && plan && view ? (
        <DeclarationForm
          direction="deposito"
          amount={plan.cash}
          accountNumber={view.account.number}
          transactor={{ id: depositor, name: isHolder ? (view.account.holders.find((h) => h.id.number === depositor.number)?.name ?? depositorName) : depositorName }}
          office={{ code: '001', city: OFFICE_CITY }}
          {...bogotaNow()}
          onCancel={() => setStep('edit')}
          onDone={(d) => {
            setDeclaration(d);
            next(plan, approvalId, d);
          }}
        />
      ) : null}
      {step === 'confirm' && plan ? (
        <ConfirmDialog title="Confirmar consignación" confirmLabel="Registrar" busy={busy} onCancel={() => setStep('edit')} onConfirm={() => void post()}>
          <DepositSummary plan={plan} />
        </ConfirmDialog>
      ) : null}
    </main>
  );
};
