import { startFaultProxy } from '../main/sync/testing/fault-proxy';
import { openAccount, openTill } from './support/comprobante';
import { test as withCentral, expect } from './support/central-control';
import { startHost } from './support/host';

/**
 * Between the teller's lookup and the posting another workstation debits the account at central: central refuses the
 * withdrawal for funds and the screen shows what is available now, so the teller does not retry with the old figure.
 * The workstation's reference pull is held at a proxy from the lookup until its authorization reaches central: its
 * copy cannot learn the debit earlier by a sync round that happened to fall in between.
 */
interface HeldPull {
  /** The URL the workstation is given for central. */
  url: string;
  /** From now on the reference pull waits, until the next debit authorization reaches central. */
  hold: () => void;
}

const test = withCentral.extend<{ pull: HeldPull }>({
  pull: async ({ central }, use) => {
    let holding = false;
    let release = (): void => undefined;
    let released = Promise.resolve();
    const proxy = await startFaultProxy({
      target: () => central.url,
      plan: (_n, req) => {
        if (holding && req.method === 'POST' && req.path.startsWith('/v1/holds')) {
          holding = false;
          release();
        }
        return holding && req.path.startsWith('/v1/reference') ? { kind: 'wait_before', until: released } : { kind: 'pass' };
      },
    });
    await use({
      url: proxy.url,
      hold: () => {
        holding = true;
        released = new Promise<void>((r) => (release = r));
      },
    });
    release();
    await proxy.close();
  },
  host: async ({ central, pull }, use) => {
    const host = await startHost({ CAJA_CENTRAL_URL: pull.url, CAJA_CENTRAL_TOKEN: central.token() });
    await use(host);
    await host.stop();
  },
});

const JUAN = '240000000029';

test('another workstation took the funds: central’s refusal says what is available now, and the panel shows it', async ({ app, central, pull }) => {
  await openTill(app);
  await openAccount(app, 'F4', 'Retiro', JUAN);
  const available = app.getByTestId('account-panel').getByTestId('available');
  await expect(available).toHaveText('$ 15.800.000');
  pull.hold();
  await central.postAs({ type: 'withdrawal', account: JUAN, payload: { amount: 15_000_000, gmf: 0 } });
  await expect(app.getByLabel('Valor a retirar')).toBeFocused();
  await app.keyboard.type('1000000');
  await app.keyboard.press('Enter');
  // The branch's copy still has the old balance: the review lets it through, as it did for the teller.
  const confirm = app.getByRole('dialog', { name: 'Confirmar retiro' });
  await expect(confirm.getByTestId('withdrawal-summary')).toContainText('GMF 4x1000');
  await expect(available).toHaveText('$ 15.800.000');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('Central rechazó el retiro: fondos insuficientes. Disponible ahora: $ 800.000. No entregue el efectivo.');
  await expect(available).toHaveText('$ 800.000');
  await expect(app.getByTestId('receipt')).toHaveCount(0);
});
