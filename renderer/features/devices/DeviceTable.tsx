import type { DeviceStatus } from '../../../domain/contract/status';
import { STATE_LABEL } from './labels';

/** Each device, its state and the Spanish message that says what to do. */
export const DeviceTable = ({ devices }: { devices: DeviceStatus[] }) => (
  <table className="grid-table" aria-label="Estado de los dispositivos">
    <thead>
      <tr>
        <th scope="col">Dispositivo</th>
        <th scope="col">Estado</th>
        <th scope="col">Qué hacer</th>
      </tr>
    </thead>
    <tbody>
      {devices.map((d) => (
        <tr key={d.id} data-testid={`device-${d.id}`}>
          <th scope="row">
            {d.label}
            {d.emulated ? <span className="muted"> (emulador)</span> : null}
          </th>
          <td>
            <span className={`pill device-${d.state}`}>{STATE_LABEL[d.state]}</span>
          </td>
          <td data-testid={`device-${d.id}-message`}>{d.message}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
