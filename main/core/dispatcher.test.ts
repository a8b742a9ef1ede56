import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../testing/temp-core';

describe('dispatcher', () => {
  let t: Awaited<ReturnType<typeof tempCore>>;
  afterEach(() => t.close());

  it('refuses an unknown channel before any handler runs', async () => {
    t = await tempCore();
    expect(await t.call('till.explode', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await t.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses an invalid payload with the field and a Spanish message', async () => {
    t = await tempCore();
    const r = await t.call('session.login', { username: '', password: 5 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    if (r.ok) throw new Error('unreachable');
    expect(r.error.message).toMatch(/^Datos inválidos: /);
    expect(r.error.details?.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'username', message: 'Escriba su usuario' })]),
    );
    // All of them for the screen to list, not only the first.
    const errors = r.error.details?.errors as { message: string }[];
    expect(errors.length).toBe(2);
    expect(errors.map((e) => e.message)).toContain('Escriba su usuario');
  });

  it('requires a session for user channels and reports it as a typed error', async () => {
    t = await tempCore();
    expect(await t.call('till.current')).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
  });
});
