import type { ScreenContext, ScreenDef } from './screens';
import { plural } from '../../domain/language/plural';
import { OpenTillScreen } from '../features/till/OpenTillScreen';
import { CloseTill } from '../features/till/CloseTill';
import { VaultScreen } from '../features/vault/VaultScreen';
import { incomingCount, watchIncoming } from '../features/vault/incoming';
import { SupervisorDesk } from '../features/supervisor/SupervisorDesk';
import { pendingCount, watchPending } from '../features/supervisor/pending';
import { JournalScreen } from '../features/journal/JournalScreen';
import { DevicesScreen } from '../features/devices/DevicesScreen';
import { DepositScreen } from '../features/deposit/DepositScreen';
import { WithdrawalScreen } from '../features/withdrawal/WithdrawalScreen';
import { TransferScreen } from '../features/transfer/TransferScreen';
import { RemittanceScreen } from '../features/remittance/RemittanceScreen';
import { CanjeScreen } from '../features/canje/CanjeScreen';
import { SecurityCodeScreen } from '../features/security-code/SecurityCodeScreen';
import { RadicationsScreen } from '../features/security-code/RadicationsScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { ReactivationScreen } from '../features/reactivation/ReactivationScreen';

/**
 * After a posting the start menu comes back at once (goHome refreshes the till's cash behind it): waiting for the
 * refresh first left a moment in which the teller's next F-key reached the finished screen and was lost.
 */
const nextOperation = (c: ScreenContext) => c.goHome();

/**
 * The till open here is the signed-in teller's own (another teller sees it but does not post to it) and of today:
 * one left open since an earlier day is closed (F6) before it operates (the core refuses it too).
 */
const ownTill = (c: ScreenContext): boolean => c.till !== null && c.till.tellerId === c.user.id && c.user.role === 'cajero' && !c.till.fromEarlierDay;

/** Start-menu screens in menu order. Features append here (one line each). */
export const SCREENS: ScreenDef[] = [
  {
    id: 'open-till',
    key: 'F2',
    label: 'Abrir caja',
    enabled: (c) => !c.till && c.user.role === 'cajero',
    render: (c) => (
      <OpenTillScreen
        teller={c.teller}
        onCancel={c.goHome}
        onOpened={c.goHomeWithTill}
      />
    ),
  },
  {
    id: 'deposit',
    key: 'F3',
    label: 'Consignación',
    enabled: ownTill,
    render: (c) => <DepositScreen teller={c.teller} onCancel={c.goHome} onDone={() => nextOperation(c)} />,
  },
  {
    id: 'withdrawal',
    key: 'F4',
    label: 'Retiro',
    enabled: ownTill,
    render: (c) => <WithdrawalScreen teller={c.teller} onCancel={c.goHome} onDone={() => nextOperation(c)} />,
  },
  // F5 and F6 are the journal and the till close: Transferencia and Remesas take short codes T and R.
  {
    id: 'transfer',
    key: 't',
    label: 'Transferencia',
    enabled: ownTill,
    render: (c) => <TransferScreen teller={c.teller} onCancel={c.goHome} onDone={() => nextOperation(c)} />,
  },
  {
    id: 'remittances',
    key: 'r',
    label: 'Remesas al cobro',
    enabled: (c) => c.user.role === 'cajero' || c.user.role === 'supervisor',
    render: (c) => <RemittanceScreen teller={c.teller} onCancel={c.goHome} />,
  },
  // Returned same-city cheques come back through the clearing house: short code C, next to the remesas.
  {
    id: 'canje',
    key: 'c',
    label: 'Cheques en canje',
    enabled: (c) => c.user.role === 'cajero' || c.user.role === 'supervisor',
    render: (c) => <CanjeScreen teller={c.teller} onCancel={c.goHome} />,
  },
  // An inactive account reactivated without moving money (cl. 7.1): short code A.
  {
    id: 'reactivation',
    key: 'a',
    label: 'Reactivación de cuenta',
    enabled: (c) => c.user.role === 'cajero',
    render: (c) => <ReactivationScreen teller={c.teller} onCancel={c.goHome} onDone={() => nextOperation(c)} />,
  },
  {
    id: 'devices',
    key: 'F9',
    label: 'Dispositivos',
    enabled: () => true,
    render: (c) => <DevicesScreen teller={c.teller} user={c.user} onCancel={c.goHome} />,
  },
  {
    id: 'security-code',
    key: 'F7',
    label: 'Código de seguridad',
    enabled: () => true,
    render: (c) => <SecurityCodeScreen teller={c.teller} onCancel={c.goHome} />,
  },
  {
    id: 'radications',
    key: 'F8',
    label: 'Radicaciones',
    enabled: () => true,
    render: (c) => <RadicationsScreen teller={c.teller} user={c.user} onBack={c.goHome} />,
  },
  {
    id: 'close-till',
    key: 'F6',
    label: 'Cierre de caja',
    enabled: (c) => c.user.role === 'cajero',
    render: (c) => (
      <CloseTill
        teller={c.teller}
        open={c.till !== null}
        rereadTill={c.refreshTill}
        onReopened={(line) => void c.refreshTill().then(() => (line ? c.goHomeTelling(line) : c.goHome()))}
        onCancel={c.goHome}
      />
    ),
  },
  {
    id: 'vault',
    key: 'F10',
    // Transfers waiting for this user to count show on the start menu (polled, see incoming.ts).
    get label() {
      const n = incomingCount();
      return n > 0 ? `Bóveda y traslados (${n} por recibir)` : 'Bóveda y traslados';
    },
    enabled: (c) => {
      watchIncoming(c.teller);
      return true;
    },
    render: (c) => <VaultScreen teller={c.teller} user={c.user} till={c.till} onChanged={() => void c.refreshTill()} onCancel={c.goHome} />,
  },
  {
    id: 'supervisor-desk',
    key: 'F1',
    // The count of pending requests shows on the start menu as soon as one arrives (polled, see pending.ts).
    get label() {
      const n = pendingCount();
      return n > 0 ? `Escritorio del supervisor (${plural(n, 'pendiente', 'pendientes')})` : 'Escritorio del supervisor';
    },
    enabled: (c) => {
      watchPending(c.teller);
      return true;
    },
    render: (c) => <SupervisorDesk teller={c.teller} user={c.user} onCancel={c.goHome} />,
  },
  {
    id: 'journal',
    key: 'F5',
    label: 'Diario electrónico',
    enabled: () => true,
    render: (c) => <JournalScreen teller={c.teller} onCancel={c.goHome} />,
  },
  // Every F-key is taken: sync status, contingency and central's rejections take the short code S.
  { id: 'sync', key: 's', label: 'Sincronización y contingencia', enabled: () => true, render: (c) => <SyncScreen teller={c.teller} user={c.user} onCancel={c.goHome} /> },
];
