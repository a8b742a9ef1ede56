import { useEffect, useRef, useState } from 'react';
import type { CashDeclaration } from '../../domain/uiaf/declaration';
import { formatPesos } from '../../domain/money/pesos';
import './comprobante.css';
import { trapTab } from './focus-trap';

interface Props {
  direction: 'deposito' | 'retiro';
  amount: number;
  accountNumber: string;
  transactor: { id: { type: string; number: string }; name: string };
  office: { code: string; city: string };
  /** Business date and time of the operation (Bogotá). */
  date: string;
  time: string;
  /** The declaration taken before an edit of the comprobante: the same person's answers are offered again. */
  previous?: CashDeclaration | null;
  onDone: (d: CashDeclaration) => void;
  onCancel: () => void;
}

/**
 * Declaración de origen / destino de fondos (UIAF, domain-co §2) for cash at or above $ 10.000.000. The core
 * validates it again; this form only collects what the customer states and signs.
 */
export const DeclarationForm = ({ direction, amount, accountNumber, transactor, office, date, time, previous, onDone, onCancel }: Props) => {
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
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  // The refusal names one field: the keyboard goes there, not left on the key that submitted (often the signature).
  const refuse = (message: string, field: string) => {
    setError(message);
    document.getElementById(field)?.focus();
  };
  const submit = () => {
    if (address.trim().length < 5) return refuse('Escriba la dirección completa de quien realiza la operación.', 'decl-address');
    if (!/^\d{7,10}$/.test(phone)) return refuse('Escriba un teléfono de 7 a 10 dígitos.', 'decl-phone');
    if (origin.trim().length < 10) return refuse(`Describa ${direction === 'deposito' ? 'el origen' : 'el destino'} de los fondos (mínimo 10 caracteres).`, 'decl-origin');
    if (activity.trim().length < 3) return refuse('Indique la actividad económica.', 'decl-activity');
    if (!signed) return refuse('La declaración debe estar firmada por el cliente: confirme la firma.', 'decl-signed');
    onDone({
      direction,
      transactor: { id: transactor.id as CashDeclaration['transactor']['id'], name: transactor.name, address: address.trim(), phone },
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
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor="decl-address">Dirección</label>
          <input id="decl-address" autoFocus value={address} onChange={(e) => setAddress(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="decl-phone">Teléfono</label>
          <input id="decl-phone" inputMode="numeric" value={phone} onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))} />
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
