import { useState } from 'react';
import type { EmulatorCommand } from '../../../domain/contract/devices';
import { DEMO_CITIZENS } from '../../../domain/devices/demo-citizens';
import { EMULATOR_CONDITIONS } from './labels';

interface Props {
  printer: boolean;
  fingerprint: boolean;
  busy: boolean;
  run: (cmd: EmulatorCommand) => void;
}

/** Demo and training controls; only shown for devices that run on their emulator. */
export const EmulatorPanel = ({ printer, fingerprint, busy, run }: Props) => {
  const [condition, setCondition] = useState<EmulatorCommand & { action: 'printer.condition' }>({ action: 'printer.condition', value: 'paper-out' });
  const [citizen, setCitizen] = useState(DEMO_CITIZENS[0]?.documentNumber ?? '');
  if (!printer && !fingerprint) return null;
  return (
    <section aria-labelledby="emulator-title" className="panel">
      <h2 id="emulator-title">Emuladores (demostración)</h2>
      {printer ? (
        <div className="row">
          <label htmlFor="emu-condition">Estado de la impresora emulada</label>
          <select
            id="emu-condition"
            value={condition.value}
            onChange={(e) => setCondition({ action: 'printer.condition', value: e.target.value as typeof condition.value })}
          >
            {EMULATOR_CONDITIONS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={() => run(condition)}>
            Aplicar estado
          </button>
          <button type="button" disabled={busy} onClick={() => run({ action: 'printer.paperOutMidJob' })}>
            Acabar el papel a mitad del próximo documento
          </button>
          <button type="button" disabled={busy} onClick={() => run({ action: 'printer.unplug' })}>
            Desconectar impresora
          </button>
          <button type="button" disabled={busy} onClick={() => run({ action: 'printer.replug' })}>
            Conectar impresora
          </button>
        </div>
      ) : null}
      {fingerprint ? (
        <div className="row">
          <label htmlFor="emu-citizen">Dedo de demostración</label>
          <select id="emu-citizen" value={citizen} onChange={(e) => setCitizen(e.target.value)}>
            {DEMO_CITIZENS.map((c) => (
              <option key={c.documentNumber} value={c.documentNumber}>
                {c.documentNumber} · {c.names} {c.firstSurname}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={() => run({ action: 'fingerprint.place', documentNumber: citizen, finger: 'right-index' })}>
            Apoyar índice derecho
          </button>
          <button type="button" disabled={busy} onClick={() => run({ action: 'fingerprint.lift' })}>
            Retirar dedo
          </button>
          {/* As the printer's: the reader pulled and plugged back, for rehearsing a capture interrupted by its cable. */}
          <button type="button" disabled={busy} onClick={() => run({ action: 'fingerprint.unplug' })}>
            Desconectar lector de huella
          </button>
          <button type="button" disabled={busy} onClick={() => run({ action: 'fingerprint.replug' })}>
            Conectar lector de huella
          </button>
        </div>
      ) : null}
    </section>
  );
};
