import { useEffect, useState, type FormEvent } from 'react';
import type { DeviceSettings } from '../../../domain/contract/devices';
import type { ReqInput } from '../../../domain/contract';
import { BAUD_RATES, PRINTER_MODELS } from './labels';

type Configure = ReqInput<'devices.configure'>;
type LinkKind = 'emulated' | 'serial' | 'tcp' | 'file';

interface Props {
  settings: DeviceSettings;
  busy: boolean;
  onSave: (req: Configure) => void;
  /** A serial path picked in the discovery list. */
  pickedPath: string | null;
}

const printerForm = (s: DeviceSettings['printer']) => ({
  model: s.model,
  paperWidth: s.paperWidth,
  kind: s.link.kind as LinkKind,
  path: s.link.kind === 'serial' || s.link.kind === 'file' ? s.link.path : '',
  host: s.link.kind === 'tcp' ? s.link.host : '',
  port: s.link.kind === 'tcp' ? s.link.port : 9100,
  baudRate: s.link.kind === 'serial' ? s.link.baudRate : 9600,
});

/** Supervisor-only: printer and fingerprint reader settings, applied by reconnecting without restarting Caja. */
export const ConfigForm = ({ settings, busy, onSave, pickedPath }: Props) => {
  const [p, setP] = useState(() => printerForm(settings.printer));
  const fp = settings.fingerprint;
  const [f, setF] = useState({
    mode: fp.driver === 'agent' ? 'agent' : fp.link.kind === 'serial' ? 'serial' : 'emulated',
    path: fp.driver === 'grow' && fp.link.kind === 'serial' ? fp.link.path : '',
    baudRate: fp.driver === 'grow' && fp.link.kind === 'serial' ? fp.link.baudRate : 57600,
    url: fp.driver === 'agent' ? fp.url : 'http://127.0.0.1:8765',
  });
  useEffect(() => {
    if (pickedPath) setP((prev) => ({ ...prev, kind: 'serial', path: pickedPath }));
  }, [pickedPath]);
  const path = p.path;

  const savePrinter = (e: FormEvent) => {
    e.preventDefault();
    const link =
      p.kind === 'serial' ? { kind: 'serial' as const, path, baudRate: p.baudRate }
      : p.kind === 'tcp' ? { kind: 'tcp' as const, host: p.host, port: p.port }
      : p.kind === 'file' ? { kind: 'file' as const, path }
      : { kind: 'emulated' as const };
    const { id, heartbeatMs, slip, cp858Number } = settings.printer;
    onSave({
      device: 'printer',
      config: { id, heartbeatMs, slip, ...(cp858Number !== undefined ? { cp858Number } : {}), model: p.model, paperWidth: p.paperWidth, link },
    });
  };

  const saveFingerprint = (e: FormEvent) => {
    e.preventDefault();
    const config =
      f.mode === 'agent' ? { driver: 'agent' as const, id: fp.id, url: f.url }
      : { driver: 'grow' as const, id: fp.id, link: f.mode === 'serial' ? { kind: 'serial' as const, path: f.path, baudRate: f.baudRate } : { kind: 'emulated' as const } };
    onSave({ device: 'fingerprint', config });
  };

  return (
    <div className="two-col">
      <form onSubmit={savePrinter} aria-labelledby="cfg-printer-title" className="panel">
        <h3 id="cfg-printer-title">Impresora de recibos</h3>
        <div className="field">
          <label htmlFor="cfg-model">Modelo</label>
          <select id="cfg-model" value={p.model} onChange={(e) => setP({ ...p, model: e.target.value as typeof p.model })}>
            {PRINTER_MODELS.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cfg-paper">Ancho del papel</label>
          <select id="cfg-paper" value={p.paperWidth} onChange={(e) => setP({ ...p, paperWidth: e.target.value as typeof p.paperWidth })}>
            <option value="80mm">80 mm (48 columnas)</option>
            <option value="58mm">58 mm (32 columnas)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="cfg-link">Conexión de la impresora</label>
          <select id="cfg-link" value={p.kind} onChange={(e) => setP({ ...p, kind: e.target.value as LinkKind })}>
            <option value="emulated">Emulador (sin impresora)</option>
            <option value="serial">Puerto serie / USB-serie</option>
            <option value="tcp">Red (TCP 9100)</option>
            <option value="file">USB (archivo de dispositivo)</option>
          </select>
        </div>
        {p.kind === 'serial' || p.kind === 'file' ? (
          <div className="field">
            <label htmlFor="cfg-path">Puerto de la impresora</label>
            <input id="cfg-path" value={path} required placeholder="/dev/caja-printer-serial o COM3" onChange={(e) => setP({ ...p, path: e.target.value })} />
          </div>
        ) : null}
        {p.kind === 'serial' ? (
          <div className="field">
            <label htmlFor="cfg-baud">Velocidad (baudios)</label>
            <select id="cfg-baud" value={p.baudRate} onChange={(e) => setP({ ...p, baudRate: Number(e.target.value) })}>
              {BAUD_RATES.map((b) => <option key={b} value={b}>{b}</option>)}
            </select>
          </div>
        ) : null}
        {p.kind === 'tcp' ? (
          <>
            <div className="field">
              <label htmlFor="cfg-host">Dirección IP</label>
              <input id="cfg-host" value={p.host} required onChange={(e) => setP({ ...p, host: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="cfg-port">Puerto TCP</label>
              <input id="cfg-port" inputMode="numeric" value={p.port} onChange={(e) => setP({ ...p, port: Number(e.target.value.replace(/\D/g, '')) || 0 })} />
            </div>
          </>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>Guardar impresora</button>
        </div>
      </form>
      <form onSubmit={saveFingerprint} aria-labelledby="cfg-fp-title" className="panel">
        <h3 id="cfg-fp-title">Lector de huella</h3>
        <div className="field">
          <label htmlFor="cfg-fp-mode">Conexión del lector</label>
          <select id="cfg-fp-mode" value={f.mode} onChange={(e) => setF({ ...f, mode: e.target.value })}>
            <option value="emulated">Emulador (sin lector)</option>
            <option value="serial">Módulo GROW por puerto serie</option>
            <option value="agent">Agente del operador biométrico</option>
          </select>
        </div>
        {f.mode === 'serial' ? (
          <>
            <div className="field">
              <label htmlFor="cfg-fp-path">Puerto del lector</label>
              <input id="cfg-fp-path" value={f.path} required onChange={(e) => setF({ ...f, path: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="cfg-fp-baud">Velocidad del lector (baudios)</label>
              <select id="cfg-fp-baud" value={f.baudRate} onChange={(e) => setF({ ...f, baudRate: Number(e.target.value) })}>
                {BAUD_RATES.map((b) => <option key={b} value={b}>{b}</option>)}
              </select>
            </div>
          </>
        ) : null}
        {f.mode === 'agent' ? (
          <div className="field">
            <label htmlFor="cfg-fp-url">Dirección del agente (solo este equipo)</label>
            <input id="cfg-fp-url" value={f.url} required onChange={(e) => setF({ ...f, url: e.target.value })} />
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>Guardar lector</button>
        </div>
      </form>
    </div>
  );
};
