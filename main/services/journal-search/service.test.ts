import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { manualClock } from '../../core/runtime';
import { openDatabase } from '../../store/db';
import { devicesRepo } from '../../store/devices/repo';
import { journalRepo } from '../../store/journal/repo';
import { usersRepo } from '../../store/users/repo';
import { tempCore, tempDir } from '../../testing/temp-core';
import { createJournal } from '../journal/writer';
import { JOURNAL_STATE_OPTIONS, journalStateLabel } from '../../../domain/journal/state-labels';
import { reversalRepo } from '../../store/reversal/repo';
import type { PrintJobKind } from '../../../domain/receipt/paper';
import { buildCloseReport } from '../arqueo/report';
import { buildConstancia } from '../security-code/constancia';
import { createJournalSearch } from './service';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d()));

it('filters by the state the screen shows: a local approval and one decided at central are both "Aprobada"', () => {
  const { dir, remove } = tempDir('caja-journal-search-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const clock = manualClock(new Date('2026-03-02T14:00:00Z'));
    const journal = createJournal({ repo: journalRepo(db), clock, workstation: '001-03' });
    db.transaction(() => {
      journal.record('approval', 'sup-1', { action: 'aprobada', approvalId: 'a-1' });
      journal.record('approval', 'sup-2', { action: 'approved', approvalId: 'a-2', via: 'central' });
      journal.record('approval', 'sup-1', { action: 'rechazada', approvalId: 'a-3' });
      journal.record('till_close', 'cajero-1', { state: 'faltante', total: 1_000 });
    })();
    const search = createJournalSearch({ repo: journalRepo(db), users: usersRepo(db), printed: () => false, original: () => undefined, reversed: () => false, notOffered: () => null });
    const ids = (state: string) => search.search({ state, limit: 10 }).entries.map((e) => e.sequence).sort();
    expect(ids('aprobada')).toEqual([1, 2]);
    expect(ids('approved')).toEqual([1, 2]);
    expect(ids('rechazada')).toEqual([3]);
    expect(ids('faltante')).toEqual([4]);
    // A stored value this build has no name for is still found exactly.
    expect(ids('branch_mode')).toEqual([]);
    expect(search.search({ limit: 10 }).entries).toHaveLength(4);
    // Who did it, in Spanish: a user's name, or the core itself.
    journal.record('device_error', 'system', { device: 'printer', code: 'PAPER_OUT' });
    expect(search.search({ limit: 1 }).entries[0]).toMatchObject({ actor: 'system', actorName: 'Sistema' });
  } finally {
    db.close();
  }
});

it('offers the reprint of the paper an entry printed, once it came out of this printer, and the reversal of a posting only', () => {
  const { dir, remove } = tempDir('caja-journal-documents-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    const jobs = devicesRepo(db);
    const job = (reference: string, state: 'printed' | 'failed') => {
      const j = jobs.insertJob({ id: `job-${reference}`, reference, sequence: reference, kind: 'receipt', copyNumber: 0, document: '{}', createdAt: '2026-03-02T14:00:00Z' });
      jobs.updateJob(j.id, { state, attempts: 1, reason: null, at: '2026-03-02T14:00:01Z' });
    };
    db.transaction(() => {
      // A comprobante journaled before entries named their paper: known by its sequence.
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-1', sequence: '001-03-000001', account: '240000000011', total: 50_000 });
      // A remesa's status change carries the deposit's sequence but printed nothing.
      journal.record('comprobante', 'u-1', { action: 'remesa_enviada', remittanceId: 'r-1', sequence: '001-03-000001' });
      journal.record('reversal', 'u-1', { original: '001-03-000001', sequence: '001-03-000001', document: 'R-001-03-000001', state: 'reversado' });
      journal.record('account_reactivation', 'u-1', { account: '240000000052', document: 'RA-001-03-000004', state: 'reactivada' });
      journal.record('till_close', 'u-1', { document: '001-03-CIERRE-2026-03-02-abcdef12', state: 'cuadrada' });
    })();
    job('001-03-000001', 'printed');
    job('R-001-03-000001', 'printed');
    job('RA-001-03-000004', 'failed'); // never out of the printer: Reintentar at Dispositivos, not a copy
    const search = createJournalSearch({ repo: journalRepo(db), users: usersRepo(db), printed: jobs.printed, original: () => undefined, reversed: () => false, notOffered: () => null });
    const entries = search.search({ limit: 10 }).entries;
    const documents = Object.fromEntries(entries.map((e) => [e.sequence, e.document]));
    expect(documents).toEqual({ 1: '001-03-000001', 2: null, 3: 'R-001-03-000001', 4: null, 5: null });
    // Only the posting itself offers Reversar, though the remesa's change and the reversal name the same sequence.
    expect(Object.fromEntries(entries.map((e) => [e.sequence, e.comprobante]))).toEqual({ 1: '001-03-000001', 2: null, 3: null, 4: null, 5: null });
  } finally {
    db.close();
  }
});

it('a reversed posting says so and no longer offers Reversar; a cash transfer names its route and hides its amount while it travels', () => {
  const { dir, remove } = tempDir('caja-journal-reversed-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    db.transaction(() => {
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-1', sequence: '001-03-000001', account: '240000000011', total: 50_000 });
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-2', sequence: '001-03-000002', account: '240000000011', total: 70_000 });
      journal.record('vault_transfer', 'sup-1', { action: 'enviado', transferId: 't-1', from: 'Bóveda', to: 'Caja 03', total: 500_000, state: 'en_transito' });
      journal.record('vault_transfer', 'u-1', { action: 'aceptado', transferId: 't-1', from: 'Bóveda', to: 'Caja 03', total: 500_000, state: 'aceptado' });
      journal.record('approval', 'sup-1', { action: 'aprobada', approvalId: '3f2a1b4c-9d8e-4f00-a1b2-c3d4e5f60718' });
    })();
    const search = createJournalSearch({ repo: journalRepo(db), users: usersRepo(db), printed: () => false, original: () => undefined, reversed: (s) => s === '001-03-000001', notOffered: () => null });
    const bySeq = (viewer: string) => Object.fromEntries(search.search({ limit: 10 }, viewer).entries.map((e) => [e.sequence, e]));
    const teller = bySeq('u-1');
    expect(teller[1]).toMatchObject({ state: 'reversado', comprobante: null, amount: 50_000 });
    expect(teller[2]).toMatchObject({ state: 'contabilizado', comprobante: '001-03-000002' });
    // The receiver counts blind: the sending entry's amount is the sender's to see; the settling entry shows it.
    expect(teller[3]).toMatchObject({ reference: 'Bóveda → Caja 03', amount: null, state: 'en_transito' });
    expect(teller[4]).toMatchObject({ reference: 'Bóveda → Caja 03', amount: 500_000 });
    expect(bySeq('sup-1')[3]).toMatchObject({ amount: 500_000 });
    // Neither the entry's details nor an amount range give the travelling amount away.
    expect(teller[3]?.payload).not.toHaveProperty('total');
    const inRange = (viewer: string) => search.search({ limit: 10, amountMin: 400_000, amountMax: 600_000 }, viewer).entries.map((e) => e.sequence);
    expect(inRange('u-1')).toEqual([4]);
    expect(inRange('sup-1')).toEqual([4, 3]);
    // The short form the receipt printed leads to the approval's entry.
    expect(teller[5]).toMatchObject({ reference: 'Autorización 3F2A1B4C', state: 'aprobada' });
  } finally {
    db.close();
  }
});

it('security-code entries show the radicado (or central’s reference) as Referencia and how they ended as Estado, and filter by it', () => {
  const { dir, remove } = tempDir('caja-journal-sc-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    db.transaction(() => {
      journal.record('security_code_request', 'u-1', { flowId: 'f-1', outcome: 'sent', mode: 'send_now', radicado: 'RAD-20260302-000001', state: 'enviado', document: 'RAD-20260302-000001' });
      journal.record('security_code_request', 'u-1', { flowId: 'f-2', outcome: 'cancelled', reason: 'El cliente se retiró', from: 'awaiting_stated_phone' });
      journal.record('security_code_request', 'u-1', { flowId: 'f-3', outcome: 'replace_decided', radicado: 'RAD-20260302-000001', replaces: 'RAD-20260302-000001', reason: 'Perdió el celular' });
      journal.record('contact_update', 'u-1', { flowId: 'f-4', field: 'cellphone', centralReference: 'C0000012', outcome: 'applied' });
      journal.record('biometric_check', 'u-1', { flowId: 'f-5', phase: 'capture', result: 'no_match', attempt: 1 });
    })();
    const search = createJournalSearch({ repo: journalRepo(db), users: usersRepo(db), printed: () => false, original: () => undefined, reversed: () => false, notOffered: () => null });
    const rows = search.search({ limit: 10 }).entries.map((e) => [e.sequence, e.reference, e.state]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(rows).toEqual([
      [1, 'RAD-20260302-000001', 'enviado'],
      [2, null, 'cancelled'],
      [3, 'RAD-20260302-000001', 'replace_decided'],
      [4, 'C0000012', 'applied'],
      [5, null, 'no_match'],
    ]);
    expect(search.search({ state: 'cancelled', limit: 10 }).entries.map((e) => e.sequence)).toEqual([2]);
    expect(journalStateLabel('replace_decided')).toBe('Reemplaza la solicitud abierta');
  } finally {
    db.close();
  }
});

it('a first count to be counted again keeps the expected cash and the difference from a teller, as its answer did; a supervisor sees them', () => {
  const { dir, remove } = tempDir('caja-journal-blind-count-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const users = usersRepo(db);
    users.insert({ id: 'u-1', username: 'cajero9', displayName: 'Cajero Nueve', role: 'cajero', passwordHash: 'x', createdAt: '2026-03-02T13:00:00Z' });
    users.insert({ id: 'sup-1', username: 'super9', displayName: 'Super Nueve', role: 'supervisor', passwordHash: 'x', createdAt: '2026-03-02T13:00:00Z' });
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date('2026-03-02T22:00:00Z')), workstation: '001-03' });
    db.transaction(() => {
      journal.record('cash_count', 'u-1', { closingId: 'k-1', countNumber: 1, countedTotal: 1_950_000, expectedTotal: 2_000_000, difference: -50_000, state: 'recontar' });
      journal.record('cash_count', 'u-1', { closingId: 'k-1', countNumber: 2, countedTotal: 1_950_000, expectedTotal: 2_000_000, difference: -50_000, state: 'faltante' });
    })();
    const search = createJournalSearch({ repo: journalRepo(db), users, printed: () => false, original: () => undefined, reversed: () => false, notOffered: () => null });
    const bySeq = (viewer: string) => Object.fromEntries(search.search({ type: 'cash_count', limit: 10 }, viewer).entries.map((e) => [e.sequence, e.payload]));
    const teller = bySeq('u-1');
    expect(teller[1]).toMatchObject({ countedTotal: 1_950_000, state: 'recontar' });
    expect(teller[1]).not.toHaveProperty('expectedTotal');
    expect(teller[1]).not.toHaveProperty('difference');
    expect(teller[2]).toMatchObject({ expectedTotal: 2_000_000, difference: -50_000 });
    expect(bySeq('sup-1')[1]).toMatchObject({ expectedTotal: 2_000_000, difference: -50_000 });
  } finally {
    db.close();
  }
});

it('finds the entries of a paper by the number printed on it, and a reactivation shows its constancia number as Referencia', () => {
  const { dir, remove } = tempDir('caja-journal-reference-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    db.transaction(() => {
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-1', sequence: '001-03-000001', document: '001-03-000001', account: '240000000011', total: 50_000 });
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-2', sequence: '001-03-000002', document: '001-03-000002', account: '240000000011', total: 70_000 });
      journal.record('reversal', 'u-1', { original: '001-03-000001', sequence: '001-03-000001', document: 'R-001-03-000001', state: 'reversado' });
      journal.record('account_reactivation', 'u-1', { account: '240000000052', document: 'RA-001-03-000001', approvalId: '676a6dfe-0000-4000-8000-000000000001', state: 'reactivada' });
      journal.record('security_code_request', 'u-1', { flowId: 'f-1', outcome: 'radicated', radicado: 'RAD-20260302-000001', state: 'radicado', document: 'RAD-20260302-000001' });
    })();
    const search = createJournalSearch({ repo: journalRepo(db), users: usersRepo(db), printed: () => false, original: () => undefined, reversed: () => false, notOffered: () => null });
    const found = (reference: string) => search.search({ reference, limit: 10 }).entries.map((e) => e.sequence).sort();
    // The posting and the reversal that names it; not the other posting.
    expect(found('001-03-000001')).toEqual([1, 3]);
    expect(found('R-001-03-000001')).toEqual([3]);
    expect(found('RA-001-03-000001')).toEqual([4]);
    expect(found('RAD-20260302-000001')).toEqual([5]);
    expect(found('RA-001-03-000009')).toEqual([]);
    expect(search.search({ type: 'account_reactivation', limit: 10 }).entries[0]?.reference).toBe('RA-001-03-000001');
  } finally {
    db.close();
  }
});

it('names the paper whose original is owed as the screens call it, by the kind its job recorded: recibo, constancia, reporte de fin de día or de reapertura', () => {
  const { dir, remove } = tempDir('caja-journal-owed-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date('2026-03-02T22:00:00Z')), workstation: '001-03' });
    const jobs = devicesRepo(db);
    const owe = (reference: string, kind: PrintJobKind, doc: object, state: 'failed' | 'printed' = 'failed') => {
      const document = JSON.stringify(doc);
      const j = jobs.insertJob({ id: `job-${reference}`, reference, sequence: reference, kind, copyNumber: 0, document, createdAt: '2026-03-02T22:00:00Z' });
      jobs.updateJob(j.id, { state, attempts: 1, reason: null, at: '2026-03-02T22:00:01Z' });
    };
    // The papers as their builders title them: the close report of a first close and of a reopened till, a constancia.
    const session = {
      id: 'session-1', tillCode: '03', tellerId: 'u-1', businessDate: '2026-03-02', state: 'cerrada' as const, openedAt: '2026-03-02T13:00:00.000Z',
      openingCount: {}, openingTotal: 0, position: {}, positionTotal: 0, closedAt: null,
    };
    const closing = {
      id: 'k', tillSessionId: 'session-1', state: 'cerrada' as const, expected: {}, count1: {}, count2: null, difference: 0, reasonCode: null, reasonText: null,
      approvalId: null, journalHash: null, counts: [], createdAt: '', updatedAt: '',
    };
    const close = (reopening: Parameters<typeof buildCloseReport>[0]['reopening']) =>
      buildCloseReport({
        session, closing, movements: [], counts: [], branch: { code: '001', name: 'Centro' }, teller: 'Ana Gómez', approver: null, closedAt: '2026-03-02T22:00:00.000Z',
        verificationCode: 'ABC', reopening,
      });
    const radicado = buildConstancia({
      kind: 'radicate', reference: 'RAD-20260302-000001', document: { type: 'CC', number: '900000001' }, maskedCellphone: '*******501', at: '2026-03-02T15:00:00.000Z',
      deadline: '2026-03-03T15:00:00.000Z', branch: { code: '001', name: 'Centro' }, till: '03', teller: 'Ana Gómez', verificationCode: 'ABC',
    });
    db.transaction(() => {
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-1', sequence: '001-03-000001', document: '001-03-000001', total: 50_000 });
      journal.record('reversal', 'u-1', { original: '001-03-000001', sequence: '001-03-000001', document: 'R-001-03-000001', state: 'reversado' });
      journal.record('account_reactivation', 'u-1', { account: '240000000052', document: 'RA-001-03-000001', state: 'reactivada' });
      journal.record('security_code_request', 'u-1', { flowId: 'f-1', outcome: 'radicated', radicado: 'RAD-20260302-000001', state: 'radicado', document: 'RAD-20260302-000001' });
      journal.record('till_close', 'u-1', { document: '001-03-CIERRE-2026-03-02-aaaaaaaa', state: 'cuadrada' });
      journal.record('till_close', 'u-1', { document: '001-03-CIERRE-2026-03-02-bbbbbbbb', state: 'cuadrada' });
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-2', sequence: '001-03-000002', document: '001-03-000002', total: 70_000 });
    })();
    owe('001-03-000001', 'receipt', { title: 'CONSIGNACIÓN CUENTA DE AHORROS' });
    owe('R-001-03-000001', 'receipt', { title: 'REVERSO DE COMPROBANTE' });
    // Its title worded otherwise than the constancias before it: still a constancia, as its job says.
    owe('RA-001-03-000001', 'constancia', { title: 'Constancia de reactivación de cuenta' });
    owe('RAD-20260302-000001', 'constancia', radicado);
    owe('001-03-CIERRE-2026-03-02-aaaaaaaa', 'close_report', close(null));
    owe('001-03-CIERRE-2026-03-02-bbbbbbbb', 'reopening_report', close({ closedAt: '2026-03-02T20:00:00.000Z', closingBalance: 0, reason: 'Consignación pendiente', approver: 'Marta Rojas' }));
    owe('001-03-000002', 'receipt', { title: 'RETIRO CUENTA DE AHORROS' }, 'printed');
    const search = createJournalSearch({ repo: journalRepo(db), users: usersRepo(db), printed: jobs.printed, original: (ref) => jobs.jobCopy(ref, 0), reversed: () => false, notOffered: () => null });
    const notes = Object.fromEntries(search.search({ limit: 10 }).entries.map((e) => [e.sequence, e.printNote]));
    expect(notes).toEqual({
      1: 'Recibo original pendiente de imprimir: F9',
      2: 'Recibo original pendiente de imprimir: F9',
      3: 'Constancia original pendiente de imprimir: F9',
      4: 'Constancia original pendiente de imprimir: F9',
      5: 'Reporte de fin de día original pendiente de imprimir: F9',
      6: 'Reporte de reapertura original pendiente de imprimir: F9',
      // Printed: Reimprimir instead of a note.
      7: null,
    });
  } finally {
    db.close();
  }
});

it('F5 shows failed log-ins of unknown usernames as the workstation\'s, as "Usuario no registrado", found by their type and never by what was typed', async () => {
  const t = await tempCore();
  dirs.push(() => t.close());
  for (const username of ['MiClave.Secreta-2026', 'otro']) await t.call('session.login', { username, password: 'x' });
  await t.call('session.login', { username: 'cajero2', password: 'x' });
  await t.call('session.login', { username: 'supervisor1', password: 'Super.2026' });
  type Row = { actorName: string; reference: string | null };
  const search = async (q: object) => ((await t.call('journal.search', { limit: 50, ...q })) as { ok: true; data: { entries: Row[] } }).data.entries;
  const rows = async (q: object) => (await search(q)).map((e) => [e.actorName, e.reference]);
  // 'Ingreso fallido' is how the security team finds every failed attempt, a user's or not.
  expect(await rows({ type: 'login_failed' })).toEqual([
    ['Luis Pérez', null],
    ['Sistema', 'Usuario no registrado'],
    ['Sistema', 'Usuario no registrado'],
  ]);
  expect(JSON.stringify(await search({}))).not.toMatch(/miclave|"otro"/i);
  // "Usuario" finds a user's entries by username; a name of no user finds nothing, as the journal does not keep it.
  expect(await rows({ type: 'login_failed', teller: 'MiClave.Secreta-2026' })).toEqual([]);
  expect(await rows({ type: 'login_failed', teller: 'cajero2' })).toEqual([['Luis Pérez', null]]);
});

it('every state a row shows is offered by the Estado filter under the same words, and finds that row: a posting Contabilizado, then Reversado', () => {
  const { dir, remove } = tempDir('caja-journal-states-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    const reversals = reversalRepo(db);
    db.transaction(() => {
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-1', sequence: '001-03-000001', account: '240000000011', total: 50_000 });
      journal.record('comprobante', 'u-1', { comprobanteId: 'c-2', sequence: '001-03-000002', account: '240000000011', total: 70_000 });
      journal.record('approval', 'u-1', { action: 'solicitada', approvalId: 'a-1', kind: 'reversal' });
      journal.record('approval', 'u-1', { action: 'retirada', approvalId: 'a-1', kind: 'reversal' });
      journal.record('approval', 'sup-1', { action: 'reconsiderada', approvalId: 'a-2', kind: 'deposit' });
      const j = journal.record('reversal', 'u-1', { original: '001-03-000002', sequence: '001-03-000002', document: 'R-001-03-000002', amount: 70_000, state: 'reversado' });
      reversals.insert({
        id: 'r-1', originalSequence: '001-03-000002', reasonCode: 'DUPLICADO', reasonText: 'x', approvalId: 'a-3', tellerId: 'u-1', tillSessionId: null,
        businessDate: '2026-03-02', postedAt: '2026-03-02T14:00:00Z', amount: 70_000, centralKeys: [], journalSequence: j.sequence, receipt: '{}',
      });
    })();
    const search = createJournalSearch({
      repo: journalRepo(db), users: usersRepo(db), printed: () => false, original: () => undefined,
      reversed: (sequence) => reversals.ofOriginal(sequence) !== undefined, notOffered: () => null,
    });
    const rows = search.search({ limit: 50 }).entries;
    expect(rows.map((r) => r.state)).toEqual(['reversado', 'reconsiderada', 'retirada', 'solicitada', 'reversado', 'contabilizado']);
    for (const row of rows) {
      const label = journalStateLabel(row.state ?? '');
      const option = JOURNAL_STATE_OPTIONS.find((o) => o.label === label);
      expect(option, `${row.state} is offered as "${label}"`).toBeDefined();
      expect(search.search({ state: option?.value, limit: 50 }).entries.map((e) => e.sequence), label).toContain(row.sequence);
    }
    // Each posting is found under the state it shows, and only there.
    const ids = (state: string) => search.search({ state, limit: 50 }).entries.map((e) => e.sequence).sort();
    expect(ids('contabilizado')).toEqual([1]);
    expect(ids('reversado')).toEqual([2, 6]);
  } finally {
    db.close();
  }
});
