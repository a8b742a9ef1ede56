import { test, expect } from './support/fixtures';
import { DEMO, expectHome, login } from './support/pages';

test('a teller logs in with the keyboard and sees the status bar', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await expect(app.getByTestId('status-till')).toHaveText('Caja sin abrir');
  await expect(app.getByRole('status', { name: 'Estado de la estación' })).toContainText('Oficina 001 Bogotá Centro');
});

test('a wrong password is refused with the attempts left', async ({ app }) => {
  await login(app, { username: DEMO.teller.username, password: 'incorrecta' });
  await expect(app.getByRole('alert')).toContainText('Usuario o contraseña incorrectos. Le quedan 4 intentos.');
  await expect(app.getByRole('heading', { name: 'Caja · Ingreso' })).toBeVisible();
});

test('five wrong passwords lock the user out, even with the right one afterwards', async ({ app }) => {
  for (let i = 1; i <= 4; i++) {
    await login(app, { username: DEMO.teller.username, password: `mala-${i}` });
    await expect(app.getByRole('alert')).toContainText(`Le quedan ${5 - i}`);
    await app.getByLabel('Usuario').fill('');
  }
  await login(app, { username: DEMO.teller.username, password: 'mala-5' });
  await expect(app.getByRole('alert')).toContainText('Usuario bloqueado por intentos fallidos');
  await app.getByLabel('Usuario').fill('');
  await login(app, DEMO.teller);
  await expect(app.getByRole('alert')).toContainText('Usuario bloqueado por intentos fallidos');
  // Another teller is not affected.
  await app.getByLabel('Usuario').fill('');
  await login(app, DEMO.teller2);
  await expectHome(app, DEMO.teller2.name);
});

test('locking the session keeps the teller and unlocks with the password', async ({ app }) => {
  await login(app, DEMO.teller);
  await expectHome(app, DEMO.teller.name);
  await app.keyboard.press('F11');
  await expect(app.getByRole('heading', { name: 'Sesión bloqueada' })).toBeVisible();
  await app.getByLabel('Contraseña').fill('otra');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('alert')).toContainText('Le quedan 4 intentos');
  await app.getByLabel('Contraseña').fill(DEMO.teller.password);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Sesión bloqueada' })).toBeHidden();
  await expectHome(app, DEMO.teller.name);
});
