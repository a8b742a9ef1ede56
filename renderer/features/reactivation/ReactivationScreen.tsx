import { useEffect, useRef, useState } from 'react';
import type { PersonId } from '../../../domain/accounts/person';
import type { AccountView } from '../../../domain/contract/accounts';
import type { AppErrorShape } from '../../../domain/contract/channel';
import type { TellerApi } from '../../../domain/contract/client';
import { isIsoDate } from '../../../domain/calendar/iso-date';
import { formatDocument } from '../../../domain/identity/document';
import type { ReactivationRequestInput } from '../../../domain/reactivation/authorize';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { PostedView } from '../../components/ComprobanteSteps';
import { DocumentInput, type DocumentValue } from '../../components/DocumentInput';
import { ErrorList } from '../../components/ErrorList';
import { PrintStatus, type PrintJobRef } from '../../components/PrintStatus';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { AccountNumberInput, AccountPanel } from '../accounts/AccountLookup';
import { SupervisorApproval } from '../supervisor/SupervisorApproval';
import { asIsoDate, keyOf } from '../withdrawal/DebitParties';

type Check = Extract<Awaited<ReturnType<TellerApi['reactivation']['check']>>, { ok: true }>['data'];

/**
 * Reactivación de cuenta (short code A), seed 003 cl. 7.1: a holder in person, or for a jurídica its legal
 * representative in person or their written authorization brought by someone identified. A supervisor approves
 * here; the constancia prints. Enter moves forward at every step; Esc leaves.
 */
export const ReactivationScreen = ({ teller, onCancel, onDone }: { teller: TellerApi; onCancel: () => void; onDone: () => void }) => {
  const [view, setView] = useState<AccountView | null>(null);
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [withLetter, setWithLetter] = useState(false);
  const [bearer, setBearer] = useState<DocumentValue>({ type: 'CC', number: '' });
  const [signer, setSigner] = useState('');
  const [letterDate, setLetterDate] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  const [approvalId, setApprovalId] = useState<string | null>(null);
  const [done, setDone] = useState<{ receipt: ReceiptDocument; job: PrintJobRef | null } | null>(null);
  const [error, setError] = useState<AppErrorShape | string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(crypto.randomUUID());
  const approvalRef = useRef<HTMLDivElement>(null);
  const presentersRef = useRef<HTMLFieldSetElement>(null);
  const verifyRef = useRef<HTMLButtonElement>(null);
  const [askAgain, setAskAgain] = useState(0);
  useEffect(() => {
    if (askAgain > 0) verifyRef.current?.focus();
  }, [askAgain]);
  // The supervisor types at once: their user name field takes the focus when the request is made.
  useEffect(() => {
    if (approvalId) approvalRef.current?.querySelector('input')?.focus();
  }, [approvalId]);
  // Once the account is found, Enter in its number field would only look it up again: the next step is who is present.
  useEffect(() => {
    if (view) presentersRef.current?.querySelector('input')?.focus();
  }, [view]);

  const account = view?.account;
  const juridica = account?.owner === 'juridica';
  // Who may reactivate in person: the holders, or a company's legal representatives (it cannot come itself).
  const people = account ? (juridica ? account.legalRepresentatives : account.holders) : [];

  const found = (v: AccountView) => {
    setView(v);
    const first = v.account.owner === 'juridica' ? undefined : v.account.holders[0];
    setPresent(first ? { [keyOf(first.id)]: true } : {});
    setWithLetter(false);
    setSigner(v.account.legalRepresentatives[0] ? keyOf(v.account.legalRepresentatives[0].id) : '');
    setCheck(null);
    setApprovalId(null);
  };

  const request = (): ReactivationRequestInput | string => {
    if (!account) return 'Escriba el número de cuenta y presione Enter.';
    const presenters: PersonId[] = people.filter((p) => present[keyOf(p.id)]).map((p) => p.id);
    if (!withLetter) {
      return presenters.length > 0 ? { accountNumber: account.number, presenters } : `Marque quién está presente e identificado: ${juridica ? 'el representante legal' : 'un titular'}.`;
    }
    if (bearer.number.trim() === '') return 'Escriba el documento de quien trae la autorización escrita.';
    if (!isIsoDate(letterDate)) return 'Escriba la fecha de la carta como AAAA-MM-DD (por ejemplo 2026-03-05).';
    const rep = account.legalRepresentatives.find((p) => keyOf(p.id) === signer);
    if (!rep) return 'Elija el representante legal que firma la carta.';
    return { accountNumber: account.number, presenters: [...presenters, { type: bearer.type, number: bearer.number.trim() }], writtenAuthorization: { signedBy: rep.id, signedOn: letterDate } };
  };

  const verify = async () => {
    const req = request();
    if (typeof req === 'string') return setError(req);
    setBusy(true);
    const r = await teller.reactivation.check({ request: req });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setCheck(r.data);
  };
  const ask = async () => {
    const req = request();
    if (typeof req === 'string' || busy) return;
    setBusy(true);
    const r = await teller.reactivation.request({ request: req });
    setBusy(false);
    if (r.ok) setApprovalId(r.data.approvalId);
    else setError(r.error);
  };
  const post = async (id: string) => {
    const req = request();
    if (typeof req === 'string') return;
    const r = await teller.reactivation.post({ idempotencyKey: key.current, request: req, approvalId: id });
    if (r.ok) setDone({ receipt: r.data.receipt, job: r.data.printJobId ? { jobId: r.data.printJobId } : null });
    else setError(r.error);
  };
  // A rejected request is final (domain/approval): the teller may correct and ask again. Who and why come with it, also
  // when decided at another workstation's desk; the focus goes to Verificar, since the form it was in is gone.
  const rejected = (status: string, note: string | null, by: string | null) => {
    setError(`Reactivación ${status} por ${by ?? 'el supervisor'}${note ? `: ${note}` : ''}. Corrija los datos si es el caso y solicite de nuevo.`);
    setApprovalId(null);
    setCheck(null);
    setAskAgain((n) => n + 1);
  };
  const edited = () => {
    setCheck(null);
    setApprovalId(null);
  };
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void verify();
  };

  if (done) {
    return (
      <PostedView id="reactivation-done" title="Cuenta reactivada" sequence={done.receipt.sequence} instruction="Entregue la constancia al cliente y actualice sus datos (cláusula 2.6)." onDone={onDone}>
        <ReceiptPreview receipt={done.receipt} print={<PrintStatus teller={teller} job={done.job} paper="la constancia" />} />
      </PostedView>
    );
  }

  return (
    <main className="screen" aria-labelledby="reactivation-title" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h1 id="reactivation-title">Reactivación de cuenta</h1>
      <p className="muted">Cuenta inactiva (cláusula 7.1): el titular la reactiva en persona; una persona jurídica, con su representante legal o con la autorización escrita de este.</p>
      <AccountNumberInput teller={teller} id="reactivation-account" autoFocus onFound={found} onStale={() => { setView(null); edited(); }} onError={setError} />
      {view ? <AccountPanel view={view} /> : null}
      {account && !approvalId ? (
        <>
          <fieldset className="field" data-testid="reactivation-presenters" ref={presentersRef}>
            <legend>{juridica ? 'Representante legal presente e identificado' : 'Titular presente e identificado'}</legend>
            {people.map((p) => (
              <label key={keyOf(p.id)}>
                <input
                  type="checkbox"
                  checked={present[keyOf(p.id)] ?? false}
                  onChange={(e) => {
                    setPresent({ ...present, [keyOf(p.id)]: e.target.checked });
                    edited();
                  }}
                  onKeyDown={onEnter}
                />{' '}
                {p.name} ({formatDocument(p.id)})
              </label>
            ))}
          </fieldset>
          {juridica ? (
            <label className="field">
              <input
                type="checkbox"
                checked={withLetter}
                onChange={(e) => {
                  setWithLetter(e.target.checked);
                  edited();
                }}
                onKeyDown={onEnter}
              />{' '}
              Trae autorización escrita del representante legal (él no se presenta)
            </label>
          ) : null}
          {juridica && withLetter ? (
            <div className="panel" data-testid="reactivation-letter" onKeyDown={onEnter} onChange={edited}>
              <DocumentInput label="Documento de quien trae la carta" value={bearer} onChange={setBearer} />
              <div className="field">
                <label htmlFor="reactivation-signer">Firma la carta</label>
                <select id="reactivation-signer" value={signer} onChange={(e) => setSigner(e.target.value)}>
                  {account.legalRepresentatives.map((p) => (
                    <option key={keyOf(p.id)} value={keyOf(p.id)}>
                      {p.name} ({formatDocument(p.id)})
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="reactivation-letter-date">Fecha de la carta (AAAA-MM-DD)</label>
                <input id="reactivation-letter-date" inputMode="numeric" autoComplete="off" placeholder="AAAA-MM-DD" maxLength={10} value={letterDate} onChange={(e) => setLetterDate(asIsoDate(e.target.value))} />
              </div>
            </div>
          ) : null}
          {check ? (
            // Its own key: a new button mounts, so autoFocus moves Enter on to the request.
            <div className="actions" key="ask">
              <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void ask()}>
                Solicitar aprobación del supervisor (Enter)
              </button>
              <button type="button" onClick={onCancel}>
                Cancelar (Esc)
              </button>
            </div>
          ) : (
            <div className="actions" key="verify">
              <button type="button" className="primary" ref={verifyRef} disabled={busy} onClick={() => void verify()}>
                Verificar (Enter)
              </button>
              <button type="button" onClick={onCancel}>
                Cancelar (Esc)
              </button>
            </div>
          )}
        </>
      ) : null}
      {check ? (
        <section className="panel" aria-label="Verificación de la reactivación" data-testid="reactivation-check">
          <p>
            {check.authorizedBy === 'escrita' ? 'Con autorización escrita del representante legal.' : 'Presencial.'} Requiere aprobación del supervisor:{' '}
            {check.approvalReasons.map((r) => r.message).join(' ')}
          </p>
          {check.notices.map((n) => (
            <p key={n} className="notice">
              {n}
            </p>
          ))}
        </section>
      ) : null}
      {approvalId ? (
        <div ref={approvalRef}>
          <SupervisorApproval teller={teller} requestId={approvalId} source="caja" onDecided={(s, note, by) => (s === 'aprobada' ? void post(approvalId) : rejected(s, note, by ?? null))} />
        </div>
      ) : null}
      <ErrorList error={error} />
    </main>
  );
};
