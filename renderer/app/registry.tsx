import type { ScreenDef } from './screens';
import { OpenTillScreen } from '../features/till/OpenTillScreen';
import { DepositScreen } from '../features/deposit/DepositScreen';
import { WithdrawalScreen } from '../features/withdrawal/WithdrawalScreen';
import { DevicesScreen } from '../features/devices/DevicesScreen';
import { SecurityCodeScreen } from '../features/security-code/SecurityCodeScreen';
import { RadicationsScreen } from '../features/security-code/RadicationsScreen';

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
        onOpened={() => {
          void c.refreshTill();
          c.goHome();
        }}
      />
    ),
  },
  {
    id: 'devices',
    key: 'F9',
    label: 'Dispositivos',
    enabled: () => true,
    render: (c) => <DevicesScreen teller={c.teller} user={c.user} onCancel={c.goHome} />,
  },
  {
    id: 'deposit',
    key: 'F3',
    label: 'Consignación',
    enabled: (c) => c.till !== null && c.user.role === 'cajero',
    render: (c) => <DepositScreen teller={c.teller} onCancel={c.goHome} onDone={() => void c.refreshTill().then(c.goHome)} />,
  },
  {
    id: 'withdrawal',
    key: 'F4',
    label: 'Retiro',
    enabled: (c) => c.till !== null && c.user.role === 'cajero',
    render: (c) => <WithdrawalScreen teller={c.teller} onCancel={c.goHome} onDone={() => void c.refreshTill().then(c.goHome)} />,
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
];
