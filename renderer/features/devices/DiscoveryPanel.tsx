import type { Discovery } from '../../../domain/contract/devices';

const hex = (n: number) => n.toString(16).padStart(4, '0');

/** What the workstation sees on its serial ports and HID bus, to pick the right port in the form. */
export const DiscoveryPanel = ({ found, onPick }: { found: Discovery | null; onPick?: (path: string) => void }) => {
  if (!found) return <p className="muted">Pulse Buscar dispositivos (F7) para ver los puertos de este equipo.</p>;
  return (
    <div data-testid="discovery">
      <h3>Puertos serie</h3>
      {found.serial.length === 0 ? (
        <p className="muted">No se encontraron puertos serie (USB-serie, COM).</p>
      ) : (
        <ul>
          {found.serial.map((p) => (
            <li key={p.path}>
              <code>{p.path}</code> {p.manufacturer ?? ''} {p.vendorId ? `(${p.vendorId}:${p.productId ?? ''})` : ''}
              {onPick ? (
                <button type="button" onClick={() => onPick(p.path)}>
                  Usar para la impresora
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>Dispositivos HID</h3>
      {found.hid.length === 0 ? (
        <p className="muted">No se encontraron dispositivos HID.</p>
      ) : (
        <ul>
          {found.hid.map((d) => (
            <li key={d.path}>
              <code>{hex(d.vendorId)}:{hex(d.productId)}</code> {d.manufacturer ?? ''} {d.product ?? ''}
              {d.usagePage === 0x8c ? ' · lector de códigos (HID POS)' : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
