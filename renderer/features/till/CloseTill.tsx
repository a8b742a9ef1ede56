import { useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import { useHeldKeys } from '../../components/useHeldKeys';
import { CloseTillScreen } from './CloseTillScreen';
import { ClosedTillPanel, REOPEN_REASON_MAX } from './ClosedTillPanel';

/**
 * F6: the close while the till is open, the closed till's panel once it is not. The teller leaving the close report
 * with Continuar types the reopening's reason at once: the till is reread, then the panel reads the closed till, and
 * only then shows the reason field. What is typed meanwhile, from Continuar on, is held for that field.
 */
export const CloseTill = ({
  teller,
  open,
  rereadTill,
  onReopened,
  onCancel,
}: {
  teller: TellerApi;
  /** The till is open (the close screen) or not (the closed till's panel). */
  open: boolean;
  rereadTill: () => Promise<void>;
  onReopened: (line: string | null) => void;
  onCancel: () => void;
}) => {
  const reason = useHeldKeys('reopen-reason', REOPEN_REASON_MAX);
  const [rereading, setRereading] = useState(false);
  // Reread and still open (the read failed, or came too late for this session): the panel will not come, nor its field.
  useEffect(() => {
    if (open && !rereading) reason.take();
  }, [open, rereading, reason]);
  if (!open) return <ClosedTillPanel teller={teller} reason={reason} onReopened={onReopened} onCancel={onCancel} />;
  const onClosed = () => {
    reason.hold();
    setRereading(true);
    void rereadTill().finally(() => setRereading(false));
  };
  return <CloseTillScreen teller={teller} onClosed={onClosed} onCancel={onCancel} />;
};
