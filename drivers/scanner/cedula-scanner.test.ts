import { describe, expect, it } from 'vitest';
import { type CedulaParseResult, encodeCedulaPdf417 } from '../../domain/devices/cedula-pdf417';
import { CedulaScanner } from './cedula-scanner';
import { FakeHidTransport } from './fake-hid';
import { toReports } from './hid-pos';

const card = encodeCedulaPdf417({
  documentNumber: '900000003', firstSurname: 'MUÑOZ', secondSurname: 'ÁLVAREZ', firstName: 'LUZ', otherNames: 'ÁNGELA',
  sex: 'F', birthDate: '1992-07-21', bloodType: 'B-',
});

const scanOnce = async (hid: FakeHidTransport, scanner: CedulaScanner, reports: Uint8Array[]): Promise<CedulaParseResult[]> => {
  const got: CedulaParseResult[] = [];
  const on = (r: CedulaParseResult): void => { got.push(r); };
  scanner.on('cedula', on);
  await hid.play(reports);
  scanner.off('cedula', on);
  return got;
};

describe('HID POS cédula scanner with a scripted fake transport', () => {
  it('reassembles a PDF417 payload from ~10 reports and parses the cédula', async () => {
    const hid = new FakeHidTransport();
    const scanner = new CedulaScanner(hid);
    await scanner.start();
    const reports = toReports(card);
    expect(reports.length).toBe(Math.ceil(531 / 56));
    const [r] = await scanOnce(hid, scanner, reports);
    expect(r).toEqual({ ok: true, value: {
      documentType: 'CC', documentNumber: '900000003', firstSurname: 'MUÑOZ', secondSurname: 'ÁLVAREZ', names: 'LUZ ÁNGELA',
      sex: 'F', birthDate: '1992-07-21', bloodType: 'B-', birthplaceCode: '05001',
    } });
  });

  it('a malformed report in the middle drops that scan, and the next scan still works', async () => {
    const hid = new FakeHidTransport();
    const scanner = new CedulaScanner(hid);
    await scanner.start();
    const reports = toReports(card);
    const broken = [...reports.slice(0, 3), Uint8Array.of(0x01, 0xff, 0x00), ...reports.slice(3)];
    const got = await scanOnce(hid, scanner, broken);
    // the tail after the junk is assembled alone and refused by the parser, not taken as a cédula
    expect(got.every((r) => !r.ok)).toBe(true);
    const [again] = await scanOnce(hid, scanner, reports);
    expect(again?.ok).toBe(true);
  });

  it('a barcode that is not a cédula yields a Spanish error, not a crash', async () => {
    const hid = new FakeHidTransport();
    const scanner = new CedulaScanner(hid);
    await scanner.start();
    const [r] = await scanOnce(hid, scanner, toReports(new TextEncoder().encode('7702004003508'), ']E0'));
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.error.message).toMatch(/^No se pudo leer la cédula/);
  });

  it('unplug reports disconnected; the scanner can be started again after replug', async () => {
    const hid = new FakeHidTransport();
    const scanner = new CedulaScanner(hid);
    await scanner.start();
    const statuses: unknown[] = [];
    scanner.on('status', (s) => statuses.push(s));
    hid.unplug();
    expect(scanner.status).toEqual({ connected: false, problem: 'SCANNER_DISCONNECTED' });
    await expect(scanner.start()).rejects.toMatchObject({ code: 'TRANSPORT_NOT_FOUND' });
    hid.replug();
    await scanner.start();
    expect(scanner.status.connected).toBe(true);
    expect((await scanOnce(hid, scanner, toReports(card)))[0]?.ok).toBe(true);
    expect(statuses).toEqual([{ connected: false, problem: 'SCANNER_DISCONNECTED' }, { connected: true, problem: null }]);
  });
});
