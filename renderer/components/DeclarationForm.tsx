import { useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../domain/contract/client';
import type { ContactOnFile } from '../../domain/contract/identity';
import type { DocumentType } from '../../domain/identity/document';
import { isDeclarablePhone, type CashDeclaration } from '../../domain/uiaf/declaration';
import { readDeclarationPhone } from './declaration-phone';
import { formatPesos } from '../../domain/money/pesos';
import './comprobante.css';
import { trapTab } from './focus-trap';

interface Props {
  direction: 'deposito' | 'retiro';
  amount: number;
  /** Why the UIAF asks for it (the core's words: this operation's cash or the customer's month), for the teller to explain. */
  why?: string | null;
  accountNumber: string;
  transactor: { id: { type: string; number: string }; name: string };
  office: { code: string; city: string };
  /** Business date and time of the operation (Bogotá). */
  date: string;
  time: string;
  /** The declaration taken before an edit of the comprobante: the same person's answers are offered again. */
  previous?: CashDeclaration | null;
  /** Where the address and phone central has for the person come from, to start the form with them. */
  teller?: Pick<TellerApi, 'identity'>;
  onDone: (d: CashDeclaration) => void;
  onCancel: () => void;
}

/** What the form tells the teller about the address and phone it started with. */
const onFileNotice = (r: ContactOnFile | 'failed'): string => {
  if (r === 'failed' || r.status === 'not_synced') return 'No se obtuvieron los datos de central: no se prellenó nada. Escriba la dirección y el teléfono.';
  if (r.status === 'not_found') return 'Central no tiene registrada a esta persona: no se prellenó nada. Escriba la dirección y el teléfono.';
  if (r.address !== null && r.phone !== null) return 'Dirección y teléfono tomados del registro del cliente en central: confírmelos con el cliente.';
  if (r.address !== null) return 'Dirección tomada del registro del cliente en central (no tiene teléfono registrado): confírmela con el cliente y escriba el teléfono.';
  if (r.phone !== null) return 'Teléfono tomado del registro del cliente en central (no tiene dirección registrada): confírmelo con el cliente y escriba la dirección.';
  return 'Central no tiene dirección ni teléfono registrados de esta persona: no se prellenó nada. Escríbalos.';
};

/**
 * Declaración de origen / destino de fondos (UIAF, domain-co §2) for cash at or above $ 10.000.000. The core
 * validates it again; this form only collects what the customer states and signs. It starts from the address and
 * phone central has for the person (unless the same person's earlier answers are offered): the teller confirms or
 * corrects them, and what the form holds is what is declared. A field typed in before central's record arrived is
 * left as typed.
 */
export const DeclarationForm = ({ direction, amount, why, accountNumber, transactor, office, date, time, previous, teller, onDone, onCancel }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const samePerson = previous?.transactor.id.type === transactor.id.type && previous.transactor.id.number === transactor.id.number;
  const prior = samePerson ? previous : null;
  const [address, setAddress] = useState(prior?.transactor.address ?? '');
  const [phone, setPhone] = useState(prior?.transactor.phone ?? '');
  const [origin, setOrigin] = useState(prior?.originOrDestination ?? '');
  const [activity, setActivity] = useState(prior?.economicActivity ?? '');
  const [pep, setPep] = useState(prior?.pep ?? false);
  const [signed, setSigned] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [onFile, setOnFile] = useState<string | null>(null);
  // Fields the teller already typed in are never overwritten by central's record arriving after.
  const typed = useRef({ address: false, phone: false });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const { type, number } = transactor.id;
  useEffect(() => {
    if (!teller || prior || number.trim() === '') return;
    let live = true;
    const shown = (r: ContactOnFile | 'failed') => live && setOnFile(onFileNotice(r));
    void teller.identity.contactOnFile({ id: { type: type as DocumentType, number } }).then(
      (r) => {
        if (!live) return;
        if (!r.ok) return shown('failed');
        // A phone the declaration would refuse is not offered: the teller asks for one.
        const phone = r.data.phone !== null && isDeclarablePhone(r.data.phone) ? r.data.phone : null;
        if (r.data.address !== null && !typed.current.address) setAddress(r.data.address);
        if (phone !== null && !typed.current.phone) setPhone(phone);
        shown({ ...r.data, phone });
      },
      () => shown('failed'),
    );
    return () => {
      live = false;
    };
    // Once per person: `prior` and `teller` do not change while the form is open.
  }, [teller, type, number]);
  // The refusal names one field: the keyboard goes there, not left on the key that submitted (often the signature).
  const refuse = (message: string, field: string) => {
    setError(message);
    document.getElementById(field)?.focus();
  };
  const submit = () => {
    if (address.trim().length < 5) return refuse('Escriba la dirección completa de quien realiza la operación.', 'decl-address');
    const read = readDeclarationPhone(phone);
    if ('problem' in read) return refuse(read.problem, 'decl-phone');
    if (origin.trim().length < 10) return refuse(`Describa ${direction === 'deposito' ? 'el origen' : 'el destino'} de los fondos (mínimo 10 caracteres).`, 'decl-origin');
    if (activity.trim().length < 3) return refuse('Indique la actividad económica.', 'decl-activity');
    if (!signed) return refuse('La declaración debe estar firmada por el cliente: confirme la firma.', 'decl-signed');
    onDone({
      direction,
      transactor: { id: transactor.id as CashDeclaration['transactor']['id'], name: transactor.name, address: address.trim(), phone: read.phone },
      accountNumber,
      office,
      date,
      time,
      amount,
      originOrDestination: origin.trim(),
      economicActivity: activity.trim(),
      pep,
      signed: true,
    });
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="decl-title"
      onKeyDown={trapTab}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="decl-title">Declaración de {direction === 'deposito' ? 'origen' : 'destino'} de fondos</h2>
      <p>
        Efectivo de <strong>{formatPesos(amount)}</strong> en la cuenta {accountNumber} por {transactor.name.replace(/\.$/, '')}. Requerida por la UIAF antes de registrar.
      </p>
      {why ? (
        <p className="notice" data-testid="decl-why">
          {why}
        </p>
      ) : null}
      {onFile ? (
        <p className="notice" data-testid="decl-on-file">
          {onFile}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor="decl-address">Dirección</label>
          <input
            id="decl-address"
            autoFocus
            value={address}
            onChange={(e) => {
              typed.current.address = true;
              setAddress(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="decl-phone">Teléfono</label>
          <input
            id="decl-phone"
            inputMode="tel"
            value={phone}
            onChange={(e) => {
              typed.current.phone = true;
              // Kept as typed (a +57 and its grouping are read at Guardar, see readDeclarationPhone).
              setPhone(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="decl-origin">{direction === 'deposito' ? 'Origen de los fondos' : 'Destino de los fondos'}</label>
          <input id="decl-origin" value={origin} onChange={(e) => setOrigin(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="decl-activity">Actividad económica</label>
          <input id="decl-activity" value={activity} onChange={(e) => setActivity(e.target.value)} />
        </div>
        <label>
          <input type="checkbox" checked={pep} onChange={(e) => setPep(e.target.checked)} /> Persona expuesta políticamente (PEP)
        </label>
        <br />
        <label>
          <input id="decl-signed" type="checkbox" checked={signed} onChange={(e) => setSigned(e.target.checked)} /> El cliente firmó la declaración
        </label>
        {error ? (
          <div className="error-banner" role="alert">
            {error}
          </div>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Cancelar <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary">
            Guardar declaración <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </dialog>
  );
};
