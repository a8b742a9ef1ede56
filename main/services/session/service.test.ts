import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../testing/temp-core';

const teller = { username: 'cajero1', password: 'Caja.2026' };

describe('session', () => {
  let t: Awaited<ReturnType<typeof tempCore>>;
  afterEach(() => t.close());

  it('logs a demo teller in and journals it', async () => {
    t = await tempCore();
    const r = await t.call('session.login', teller);
    expect(r).toMatchObject({ ok: true, data: { state: 'active', user: { username: 'cajero1', role: 'cajero' } } });
    // Demo seeding may journal its own entries first; the log-in is the last one.
    const last = t.core.db.prepare('SELECT type, actor FROM journal ORDER BY sequence DESC LIMIT 1').get();
    expect(last).toMatchObject({ type: 'login' });
  });

  it('locks the user out after 5 failures, persistently across a restart', async () => {
    t = await tempCore();
    for (let i = 1; i <= 4; i++) {
      expect(await t.call('session.login', { ...teller, password: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', details: { attemptsLeft: 5 - i } },
      });
    }
    expect(await t.call('session.login', { ...teller, password: 'x' })).toMatchObject({ ok: false, error: { code: 'USER_LOCKED_OUT' } });
    await t.reopen();
    expect(await t.call('session.login', teller)).toMatchObject({ ok: false, error: { code: 'USER_LOCKED_OUT' } });
  });

  it('a successful login resets the failure count', async () => {
    t = await tempCore();
    for (let i = 0; i < 4; i++) await t.call('session.login', { ...teller, password: 'x' });
    expect(await t.call('session.login', teller)).toMatchObject({ ok: true });
    await t.call('session.logout');
    expect(await t.call('session.login', { ...teller, password: 'x' })).toMatchObject({ error: { details: { attemptsLeft: 4 } } });
  });

  it('does not reveal whether a username exists: an unknown one gets, try after try, what a real one gets', async () => {
    t = await tempCore();
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) out.push(await t.call('session.login', { username, password: 'x' }));
      return out;
    };
    const real = await answers('cajero2');
    expect(await answers('nadie')).toEqual(real);
    expect(real[3]).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', message: 'Usuario o contraseña incorrectos. Le queda 1 intento.' } });
    expect(real[5]).toMatchObject({ error: { code: 'USER_LOCKED_OUT' } });
  });

  it('journals every failed log-in of an unknown username under the workstation, with nothing of what was typed, and the chain still verifies', async () => {
    t = await tempCore();
    const users = t.core.db.prepare('SELECT id FROM users').pluck().all() as string[];
    // A teller who types their password into "Usuario" by mistake, twice, and someone trying another name.
    const typed = ['  MiClave.Secreta-2026 ', 'MICLAVE.SECRETA-2026', 'otro.nombre'];
    for (const username of typed) {
      expect(await t.call('session.login', { username, password: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
      t.clock.advance(1_000);
    }
    // A known user's failure stays journaled under that user, as before.
    await t.call('session.login', { ...teller, password: 'x' });
    // A supervisor's credentials with an unknown username (F2 at the log-in screen) are an attempt too.
    await t.call('session.unlockUser', { lockedUsername: 'cajero1', supervisor: { username: 'Jefe.Clave-77', password: 'x' } });
    await t.call('session.login', teller);

    // The journal is append-only and kept for years: what was typed must be nowhere in it, in any case, nor in
    // the database file itself.
    const secrets = ['miclave.secreta-2026', 'otro.nombre', 'jefe.clave-77'];
    const rows = t.core.db.prepare('SELECT * FROM journal ORDER BY sequence').all();
    for (const row of rows) for (const s of secrets) expect(JSON.stringify(row).toLowerCase()).not.toContain(s);
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(join(t.dir, 'caja.sqlite')).toString('latin1').toLowerCase();
    for (const s of secrets) expect(file).not.toContain(s);

    const failed = t.core.db.prepare("SELECT at, actor, payload FROM journal WHERE type = 'login_failed' ORDER BY sequence").all() as {
      at: string;
      actor: string;
      payload: string;
    }[];
    // The attempt itself is kept for the security team: when, the workstation's, how many with that name, and that the name was unknown.
    expect(failed.map((f) => ({ ...f, payload: JSON.parse(f.payload) as unknown }))).toEqual([
      { at: '2026-03-02T14:00:00.000Z', actor: 'system', payload: { unknownUser: true, attempts: 1 } },
      // The count is the one the answers follow (case-insensitive, as the log-in screen said "1 intento" less).
      { at: '2026-03-02T14:00:01.000Z', actor: 'system', payload: { unknownUser: true, attempts: 2 } },
      { at: '2026-03-02T14:00:02.000Z', actor: 'system', payload: { unknownUser: true, attempts: 1 } },
      { at: '2026-03-02T14:00:03.000Z', actor: expect.stringMatching(/./), payload: { attempts: 1 } },
    ]);
    // A supervisor's unknown username in F2 was no log-in: it is a failed approval, journaled the same way.
    const approvalFailed = t.core.db.prepare("SELECT actor, payload FROM journal WHERE type = 'approval_failed'").all() as { actor: string; payload: string }[];
    expect(approvalFailed.map((f) => ({ ...f, payload: JSON.parse(f.payload) as unknown }))).toEqual([
      { actor: 'system', payload: { unknownUser: true, context: 'desbloqueo de usuario' } },
    ]);
    // No user id is put on an attempt that named no user.
    expect(users).not.toContain('system');
    for (const f of [...failed.slice(0, 3), ...approvalFailed]) for (const id of users) expect(f.payload).not.toContain(id);
    expect(users).toContain(failed[3]?.actor);
    expect(await t.call('journal.verify')).toMatchObject({ ok: true, data: { ok: true } });
  });

  it('locks after the idle time, refuses work while locked, and unlocks with the password', async () => {
    t = await tempCore({ session: { idleLockSeconds: 60 } });
    await t.call('session.login', teller);
    t.clock.advance(59_000);
    expect(await t.call('session.touch')).toMatchObject({ ok: true });
    t.clock.advance(59_000);
    expect(await t.call('till.current')).toMatchObject({ ok: true });
    t.clock.advance(2_000);
    expect(await t.call('till.current')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await t.call('session.current')).toMatchObject({ ok: true, data: { state: 'locked' } });
    expect(await t.call('session.unlock', { password: 'mal' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await t.call('session.unlock', { password: teller.password })).toMatchObject({ ok: true, data: { state: 'active' } });
    expect(await t.call('till.current')).toMatchObject({ ok: true });
  });

  it("the UI's own reads on a timer do not keep an unattended session open; only the teller's input does", async () => {
    t = await tempCore({ session: { idleLockSeconds: 60 } });
    await t.call('session.login', teller);
    // What the screens poll every few seconds: the approval queue, incoming transfers, the sync state.
    for (let k = 0; k < 19; k++) {
      t.clock.advance(3_000);
      expect(await t.call('vault.tillTransfers')).toMatchObject({ ok: true });
      expect(await t.call('sync.status')).toMatchObject({ ok: true });
    }
    t.clock.advance(4_000);
    expect(await t.call('vault.tillTransfers')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });

  it('pushes session.changed when the idle timer locks a session nobody is using', async () => {
    t = await tempCore({ session: { idleLockSeconds: 10 } });
    const seen: string[] = [];
    t.core.bus.subscribe((event, payload) => {
      if (event === 'session.changed') seen.push((payload as { state: string }).state);
    });
    await t.call('session.login', teller);
    t.clock.advance(11_000);
    await new Promise((r) => setTimeout(r, 1200));
    expect(seen).toEqual(['active', 'locked']);
  });

  it('a locked session can be closed from the lock screen, even once its user is locked out there', async () => {
    t = await tempCore();
    await t.call('session.login', teller);
    await t.call('session.lock');
    for (let i = 0; i < 5; i++) await t.call('session.unlock', { password: 'x' });
    expect(await t.call('session.unlock', { password: teller.password })).toMatchObject({ ok: false, error: { code: 'USER_LOCKED_OUT' } });
    expect(await t.call('session.logout')).toMatchObject({ ok: true, data: { state: 'signed_out' } });
    expect(JSON.parse(t.core.db.prepare("SELECT payload FROM journal WHERE type = 'logout'").pluck().get() as string)).toEqual({ fromLock: true });
    // Another teller takes the workstation.
    expect(await t.call('session.login', { username: 'cajero2', password: 'Caja.2026' })).toMatchObject({ ok: true });
  });

  it('a supervisor frees a locked-out user, journaled under the supervisor; a teller or the user themselves cannot', async () => {
    t = await tempCore();
    for (let i = 0; i < 5; i++) await t.call('session.login', { ...teller, password: 'x' });
    const free = (supervisor: { username: string; password: string }, lockedUsername = 'cajero1') => t.call('session.unlockUser', { lockedUsername, supervisor });
    expect(await free({ username: 'cajero2', password: 'Caja.2026' })).toMatchObject({ ok: false, error: { code: 'NOT_A_SUPERVISOR' } });
    // The teller's right password where a supervisor's is asked for is journaled under the teller.
    const refused = t.core.db.prepare("SELECT u.username, j.payload FROM journal j JOIN users u ON u.id = j.actor WHERE j.type = 'approval'").get() as { username: string; payload: string };
    expect(refused.username).toBe('cajero2');
    expect(JSON.parse(refused.payload)).toMatchObject({ action: 'autorizacion_rehusada', code: 'NOT_A_SUPERVISOR' });
    expect(await free({ username: 'supervisor1', password: 'mala' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    // Whether a user is locked is said only to a supervisor who proved who they are.
    expect(await free({ username: 'supervisor1', password: 'Super.2026' }, 'cajero2')).toMatchObject({ ok: false, error: { code: 'USER_NOT_LOCKED_OUT' } });
    expect(await free({ username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ ok: true, data: { displayName: 'Ana Gómez' } });
    const entry = t.core.db.prepare("SELECT actor, payload FROM journal WHERE type = 'user_unlocked'").get() as { actor: string; payload: string };
    expect(entry.actor).not.toBe(JSON.parse(entry.payload).user);
    expect(await t.call('session.login', teller)).toMatchObject({ ok: true });
    await t.call('session.logout');
    // A supervisor locked out is freed by another one, never by themselves.
    for (let i = 0; i < 5; i++) await t.call('session.login', { username: 'supervisor1', password: 'x' });
    expect(await free({ username: 'supervisor1', password: 'Super.2026' }, 'supervisor1')).toMatchObject({ ok: false, error: { code: 'USER_LOCKED_OUT' } });
  });

  it('a lock-out lapses after the configured minutes, journaled, and the refusal says when; with 0 minutes only a supervisor frees it', async () => {
    t = await tempCore({ session: { lockoutMinutes: 30 } });
    for (let i = 0; i < 5; i++) await t.call('session.login', { ...teller, password: 'x' });
    // 14:00 UTC is 09:00 in Bogotá.
    const refusal = { ok: false, error: { code: 'USER_LOCKED_OUT', message: expect.stringContaining('se desbloquea a las 09:30') } };
    expect(await t.call('session.login', teller)).toMatchObject(refusal);
    // An unknown username is answered the same, lapse included, so the screen still tells no usernames apart.
    for (let i = 0; i < 5; i++) await t.call('session.login', { username: 'nadie', password: 'x' });
    expect(await t.call('session.login', { username: 'nadie', password: 'x' })).toEqual(await t.call('session.login', teller));
    // Kept across a restart.
    await t.reopen();
    t.clock.advance(29 * 60_000 + 59_000);
    expect(await t.call('session.login', teller)).toMatchObject(refusal);
    t.clock.advance(1_000);
    expect(await t.call('session.login', teller)).toMatchObject({ ok: true });
    const lapsed = t.core.db.prepare("SELECT type, payload FROM journal WHERE type = 'user_lockout_lapsed'").all();
    expect(lapsed).toEqual([{ type: 'user_lockout_lapsed', payload: JSON.stringify({ lockedUntil: '2026-03-02T14:30:00.000Z' }) }]);
    // The count starts again from zero.
    await t.call('session.logout');
    expect(await t.call('session.login', { ...teller, password: 'x' })).toMatchObject({ error: { details: { attemptsLeft: 4 } } });

    t.close();
    t = await tempCore({ session: { lockoutMinutes: 0 } });
    for (let i = 0; i < 5; i++) await t.call('session.login', { ...teller, password: 'x' });
    t.clock.advance(24 * 3600_000);
    expect(await t.call('session.login', teller)).toMatchObject({ ok: false, error: { code: 'USER_LOCKED_OUT', message: expect.stringContaining('Un supervisor debe desbloquearlo') } });
  });

  it('on the lock screen, where only the password is asked, a wrong one is "Contraseña incorrecta", with the attempts left', async () => {
    t = await tempCore();
    await t.call('session.login', teller);
    await t.call('session.lock');
    expect(await t.call('session.unlock', { password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: 'Contraseña incorrecta. Le quedan 4 intentos.', details: { attemptsLeft: 4 } },
    });
  });

  it('refuses a second login while a session is open', async () => {
    t = await tempCore();
    await t.call('session.login', teller);
    expect(await t.call('session.login', { username: 'cajero2', password: 'Caja.2026' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_ALREADY_OPEN' },
    });
  });
});
