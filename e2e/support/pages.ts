import { expect, type Page } from '@playwright/test';

export const DEMO = {
  teller: { username: 'cajero1', password: 'Caja.2026', name: 'Ana Gómez' },
  teller2: { username: 'cajero2', password: 'Caja.2026', name: 'Luis Pérez' },
  supervisor: { username: 'supervisor1', password: 'Super.2026', name: 'Marta Rojas' },
} as const;

/** Logs in with the keyboard only, as a teller does. */
export const login = async (page: Page, user: { username: string; password: string }) => {
  await page.getByLabel('Usuario').fill(user.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
};

export const expectHome = async (page: Page, name: string) => {
  await expect(page.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await expect(page.getByTestId('status-user')).toContainText(name);
};

/**
 * Back to the start menu (Esc), sign out (F12; Enter past the warning that one's till stays open) and sign in as
 * `user`, keyboard only.
 */
export const switchUser = async (page: Page, user: { username: string; password: string; name: string }) => {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  await page.keyboard.press('F12');
  const warning = page.getByRole('dialog', { name: 'Su caja sigue abierta' });
  await expect(warning.or(page.getByLabel('Usuario', { exact: true }))).toBeVisible();
  if (await warning.isVisible()) await page.keyboard.press('Enter');
  await login(page, user);
  await expectHome(page, user.name);
};
