import type { Link } from '../../domain/devices/config';
import type { Transport } from './transport';
import { TransportError } from './transport';
import { SerialTransport } from './serial/serial-transport';
import { TcpTransport } from './tcp/tcp-transport';
import { FileTransport } from './file/file-transport';
import { HidTransport } from './hid/hid-transport';

/** Builds the transport for a configured link. `emulated` links are resolved by the device manager first. */
export const transportFor = (link: Link): Transport => {
  switch (link.kind) {
    case 'serial': {
      const { kind: _kind, ...options } = link;
      return new SerialTransport(options);
    }
    case 'tcp':
      return new TcpTransport({ host: link.host, port: link.port });
    case 'file':
      return new FileTransport({ path: link.path });
    case 'hid':
      return new HidTransport({
        ...(link.path !== undefined ? { path: link.path } : {}),
        ...(link.vendorId !== undefined ? { vendorId: link.vendorId } : {}),
        ...(link.productId !== undefined ? { productId: link.productId } : {}),
      });
    case 'emulated':
      throw new TransportError('TRANSPORT_UNAVAILABLE', 'emulated link must be resolved by the device manager');
  }
};
