import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import { SecurityCodeResponseSchema } from '../../../domain/central-api';
import { DEMO_TEMPLATE_FORMAT, demoTemplateBase64 } from '../../../domain/devices/demo-citizens';
import { AppError } from '../../core/errors';
import { startWorld, TELLER, type World } from './testing/world';

const BIOMETRIC_CONSENT_VERSION = biometricConsent('security_code').version;

/**
 * QA: a second radicación for the same customer while the first was open got no warning and the old radicado
 * stayed valid; several immediate sends within a minute were allowed. Real SQLite, a real central process.
 */
const CC = (number: string) => ({ type: 'CC', number });
const NEW_PHONE = '3119998877';

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const appError = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
};
const identify = (number: string) => w.service.identify(TELLER, w.service.start(TELLER, 'security_code').id, CC(number), 'typed');
const journal = () => w.journalRows().filter((r) => r.type === 'security_code_request').map((r) => JSON.parse(r.payload) as Record<string, unknown>);
const centralStatus = async (radicado: string) => {
  const r = await w.client.call('securityCodeStatus', { radicado });
  if (!r.ok) throw new Error(r.error.message);
  return SecurityCodeResponseSchema.parse(r.data).request;
};

describe('a customer with an open radicado', () => {
  it('is told at identification (radicado, date, state); the flow waits for resume or replace; replacing supersedes the old radicado at central', async () => {
    const f = await identify('900000001');
    await w.service.statePhone(TELLER, f.id, NEW_PHONE);
    await w.service.previousPhone(TELLER, f.id, null);
    await w.service.consent(TELLER, f.id, true, BIOMETRIC_CONSENT_VERSION);
    await w.place('900000001');
    const first = (await w.service.capture(TELLER, f.id, 'right-index')).request;
    if (!first) throw new Error('no radicado');

    const again = await identify('900000001');
    expect(again).toMatchObject({ step: 'awaiting_stated_phone', existingUndecided: true, tone: 'warning', title: 'El cliente ya tiene una solicitud abierta' });
    expect(again.existing).toEqual([expect.objectContaining({ kind: 'radicado', reference: first.radicado, canResume: false })]);
    expect(again.existing[0]?.description).toMatch(new RegExp(`^Radicado ${first.radicado} del .+ en la estación 001-03 \\(radicada, código aún no enviado\\)$`));
    expect(again.message).toContain(first.radicado);

    // Not past the decision: stating the number is refused, and so is a reason too short to say anything.
    expect((await appError(w.service.statePhone(TELLER, again.id, NEW_PHONE))).code).toBe('EXISTING_REQUEST_OPEN');
    expect((await appError(w.service.replaceExisting(TELLER, again.id, ' '))).code).toBe('EXISTING_REQUEST_OPEN');

    const decided = await w.service.replaceExisting(TELLER, again.id, 'El cliente perdió el celular');
    expect(decided).toMatchObject({ existingUndecided: false, title: 'Celular del cliente' });
    expect(journal()).toContainEqual(
      expect.objectContaining({ flowId: again.id, outcome: 'replace_decided', replaces: first.radicado, reason: 'El cliente perdió el celular' }),
    );

    // The new number is now the registered one: the code goes out at once and the radicado is superseded.
    const sent = await w.service.statePhone(TELLER, again.id, NEW_PHONE);
    expect(sent.step).toBe('send_now');
    const second = sent.request?.radicado;
    expect((await centralStatus(first.radicado)).supersededBy).toBe(second);
    expect(w.flows.listRequests().find((r) => r.radicado === first.radicado)?.supersededBy).toBe(second);
    expect(journal()).toContainEqual(expect.objectContaining({ flowId: again.id, outcome: 'sent', replaces: first.radicado }));

    // Past the radication's send time: its SMS never goes out.
    await w.advanceCentral(2 * 3_600_000);
    expect((await centralStatus(first.radicado)).sentAt).toBeNull();
    // The replaced radicado is listed as such, and never flagged overdue for the supervisor.
    expect((await w.radications.list()).rows.find((r) => r.radicado === first.radicado)).toMatchObject({ supersededBy: second, overdue: false });
    await w.advanceCentral(25 * 3_600_000);
    const branch = await w.client.call('listSecurityCodes', { branch: '001' });
    expect(branch.ok && branch.data.requests.find((r) => r.radicado === first.radicado)).toMatchObject({ supersededBy: second, overdue: false });
    // And a later request finds nothing open to replace.
    expect((await identify('900000001')).existing).toEqual([]);
  });
});

describe('an unfinished request of the customer at this workstation', () => {
  it('is offered to resume; replacing it closes it with the reason, journaled', async () => {
    const old = await identify('900000005');
    await w.service.statePhone(TELLER, old.id, '3004442222');
    const f = await identify('900000005');
    expect(f.existing).toEqual([expect.objectContaining({ kind: 'flow', reference: old.id, canResume: true })]);
    expect(f.existing[0]?.description).toMatch(/^Solicitud sin terminar iniciada el .+ en esta estación$/);
    await w.service.replaceExisting(TELLER, f.id, 'El cliente empieza de nuevo');
    expect(w.flows.getFlow(old.id)?.step).toBe('cancelled');
    expect(journal()).toContainEqual(expect.objectContaining({ flowId: old.id, outcome: 'cancelled', replacedBy: f.id }));
  });
});

describe('immediate sends for the same customer', () => {
  it('a second one within the interval is refused with the time the customer may ask again; after it, it goes out', async () => {
    await w.advanceCentral(5 * 60_000);
    const a = await identify('900000002');
    expect((await w.service.statePhone(TELLER, a.id, '3101234502')).step).toBe('send_now');
    const b = await identify('900000002');
    const soon = await appError(w.service.statePhone(TELLER, b.id, '3101234502'));
    expect(soon.code).toBe('SEND_NOW_TOO_SOON');
    expect(soon.message).toMatch(/^Al cliente ya se le envió un código hace unos minutos\. .+ podrá pedir otro código desde las \d{2}:\d{2}\.$/);
    expect(w.service.get(TELLER, b.id).step).toBe('awaiting_stated_phone');

    // Central holds the rule too: a workstation that did not ask first is refused the same way.
    const direct = await w.client.call('sendSecurityCodeNow', { key: crypto.randomUUID(), documentType: 'CC', documentNumber: '900000002', purpose: 'temporary_keys', statedCellphone: '3101234502' });
    expect(direct.ok ? null : direct.error.code).toBe('SEND_NOW_TOO_SOON');

    await w.service.cancel(TELLER, b.id, 'El cliente esperará el código');
    await w.advanceCentral(2 * 60_000);
    w.clock.advance(2 * 60_000);
    expect((await w.service.statePhone(TELLER, (await identify('900000002')).id, '3101234502')).step).toBe('send_now');
  });
});

describe('an open radicado the workstation could not see (central away at identification)', () => {
  it('central refuses the new request and the teller is told to start again, where the screen will show it', async () => {
    const match = await w.client.call('matchFingerprint', {
      documentType: 'CC', documentNumber: '900000003', template: demoTemplateBase64('900000003', 'right-index'), format: DEMO_TEMPLATE_FORMAT,
    });
    if (!match.ok) throw new Error(match.error.message);
    const elsewhere = await w.client.call('radicateSecurityCode', {
      key: crypto.randomUUID(), documentType: 'CC', documentNumber: '900000003', purpose: 'temporary_keys', fingerprintTransactionId: match.data.transactionId,
    });
    if (!elsewhere.ok) throw new Error(elsewhere.error.message);
    w.link.down = true;
    const f = await identify('900000003').finally(() => {
      w.link.down = false;
    });
    expect(f.existing).toEqual([]);
    const refused = await appError(w.service.statePhone(TELLER, f.id, '3151234503'));
    expect(refused.code).toBe('CENTRAL_REJECTED');
    expect(refused.message).toContain(elsewhere.data.request.radicado);
    expect(refused.message).toContain('inicie una nueva: la pantalla le mostrará la abierta');
    expect(w.service.get(TELLER, f.id).step).toBe('awaiting_stated_phone');
  });
});
