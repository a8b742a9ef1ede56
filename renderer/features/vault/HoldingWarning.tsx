import { useCallback, useEffect, useRef, useState } from 'react';
import type { IncomingCash } from '../../../domain/contract/till';
import { formatPesos } from '../../../domain/money/pesos';
import { connectTeller } from '../../api/teller';

/**
 * Before cash is confirmed into the till (a deposit's summary): warns when it would take the till to or over
 * its holding limit, and offers to send the surplus to the vault right here — it leaves the till at once and
 * stays en tránsito until a supervisor counts it in the vault (Bóveda y traslados, F10).
 */
export const HoldingWarning = ({ incoming }: { incoming: number }) => {
  const teller = connectTeller();
  const [check, setCheck] = useState<IncomingCash | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  const here = useRef<HTMLDivElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  const [sendFocused, setSendFocused] = useState(false);

  // The core works it out: under blind close the screen never holds the till's cash.
  const load = useCallback(async () => {
    const r = await teller?.till.incomingCash({ incoming });
    if (r?.ok) setCheck(r.data);
  }, [teller, incoming]);
  useEffect(() => void load(), [load]);
  // The screen recommends the transfer, so Enter must do it: the focus goes to "Trasladar … ahora", and registering
  // without it is the explicit second choice (Tab to Registrar). QA: the prompt said "traslade antes de confirmar"
  // while the focus sat on Registrar and Enter posted the cash.
  const offer = check?.prompt && check.mix && !sent ? check.surplus : null;
  useEffect(() => {
    if (offer !== null) sendRef.current?.focus();
  }, [offer]);

  if (!teller || !check) return null;
  const mix = check.mix;

  const send = async () => {
    if (!mix) return;
    const r = await teller.vault.send({ idempotencyKey: key.current, to: { kind: 'vault', ref: 'BOVEDA' }, count: mix, declaredTotal: check.surplus });
    if (r.ok) {
      key.current = crypto.randomUUID();
      setError(null);
      setSent(`Traslado de ${formatPesos(r.data.transfer.amount ?? check.surplus)} a la bóveda enviado: queda en tránsito hasta que el supervisor lo cuente.`);
      // The button goes with the warning: the focus goes back to the summary's confirm, so Enter still registers.
      here.current?.closest('dialog')?.querySelector<HTMLButtonElement>('button.primary')?.focus();
      await load();
    } else setError(r.error.message);
  };

  return (
    <div ref={here}>
      {sent ? (
        <p className="notice" role="status" data-testid="holding-sent">
          {sent}
        </p>
      ) : null}
      {check.prompt ? (
        <div className="error-banner" role="alert" data-testid="holding-warning">
          <p>{check.prompt}</p>
          {mix ? (
            <button type="button" className="secondary" onClick={() => void send()} ref={sendRef} onFocus={() => setSendFocused(true)} onBlur={() => setSendFocused(false)}>
              Trasladar {formatPesos(check.surplus)} a la bóveda ahora{sendFocused ? <> <kbd>Enter</kbd></> : null}
            </button>
          ) : null}
          {error ? <p>{error}</p> : null}
        </div>
      ) : null}
    </div>
  );
};
