import { useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { DeviceStatus } from '../../../domain/contract/status';

/** Whether a capture can be attempted on the reader as the status stream last described it. */
export const readerUsable = (s: DeviceStatus | null): boolean => s === null || s.state === 'ok' || s.state === 'warning';

/**
 * The fingerprint reader as the workstation's status stream has it, live: a reader unplugged and plugged back while
 * the capture step is on screen is followed here (every device change pushes `status.changed`), so the step never
 * keeps saying "desconectado" about a reader that is back. Null until the first answer.
 */
export const useFingerprintReader = (teller: TellerApi): DeviceStatus | null => {
  const [reader, setReader] = useState<DeviceStatus | null>(null);
  useEffect(() => {
    let live = true;
    const pick = (devices: DeviceStatus[]) => devices.find((d) => d.kind === 'fingerprint') ?? null;
    void teller.status.get({}).then((r) => {
      if (live && r.ok) setReader(pick(r.data.devices));
    });
    const off = teller.on('status.changed', (s) => setReader(pick(s.devices)));
    return () => {
      live = false;
      off();
    };
  }, [teller]);
  return reader;
};

/** The reader's line on the capture step: ready, or what is wrong with it and that the step waits for it. */
export const ReaderStatus = ({ reader }: { reader: DeviceStatus | null }) =>
  reader ? (
    <p data-testid="reader-status" data-state={reader.state} className={readerUsable(reader) ? 'muted' : 'field-error'} role={readerUsable(reader) ? 'status' : 'alert'}>
      {readerUsable(reader) ? reader.message : `${reader.message} La captura se habilita sola cuando el lector vuelva.`}
    </p>
  ) : null;
