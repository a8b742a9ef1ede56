import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../domain/rules-config/config';
import { inembargableFor } from '../../domain/rules-config/lookup';
import { ConfigError, loadConfig } from './load';

const dirs: string[] = [];
const fileWith = (content: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'caja-config-'));
  dirs.push(dir);
  const file = join(dir, 'caja.json');
  writeFileSync(file, content);
  return file;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('runs on its embedded defaults, the rules included', () => {
    const c = loadConfig({});
    expect(c.workstation).toEqual({ id: '001-03', branchCode: '001', branchName: 'Bogotá Centro', tillCode: '03' });
    expect(c.rules).toEqual(DEFAULT_RULES);
  });

  it('adds the period the bank configures to the embedded ones (domain-co §3: a new amount every 1 October)', () => {
    const c = loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify({ rules: { inembargableByPeriod: { '2026': 57_000_000 }, visacionThreshold: 8_000_000 } })) });
    expect(inembargableFor('2026-11-22', c.rules)).toEqual({ ok: true, value: 57_000_000 });
    expect(inembargableFor('2026-09-30', c.rules)).toEqual({ ok: true, value: 55_099_308 });
    expect(c.rules.visacionThreshold).toBe(8_000_000);
    // What the file leaves out keeps its default.
    expect(c.rules.withdrawalLimits).toEqual(DEFAULT_RULES.withdrawalLimits);
    expect(c.rules.uvtByYear['2026']).toBe(52_374);
  });

  it('without the new period, an ordinary embargo is refused with a clear code rather than paid on a guess', () => {
    const r = inembargableFor('2026-11-22', loadConfig({}).rules);
    expect(!r.ok && r.error.code).toBe('INEMBARGABLE_NOT_CONFIGURED');
  });

  it.each([
    [{ rules: { inembargableByPeriod: { '26': 1 } } }, 'inembargableByPeriod'],
    [{ rules: { inembargableByPeriod: { '2026': 1.5 } } }, 'inembargableByPeriod'],
    [{ rules: { visacionThreshold: -1 } }, 'visacionThreshold'],
    [{ rules: { otherCityDepositCommission: [{ upTo: 10, fee: 1 }] } }, 'otherCityDepositCommission'],
  ])('a bad rules value stops the start naming the field: %j', (content, field) => {
    expect(() => loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify(content)) })).toThrow(ConfigError);
    expect(() => loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify(content)) })).toThrow(field);
  });

  it('names the workstation by its branch and till; an id that says another till is refused before start', () => {
    expect(loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify({ workstation: { tillCode: '02' } })) }).workstation.id).toBe('001-02');
    expect(loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify({ workstation: { id: '002-07', branchCode: '002', tillCode: '07' } })) }).workstation.id).toBe('002-07');
    const wrong = fileWith(JSON.stringify({ workstation: { id: '001-07', tillCode: '02' } }));
    expect(() => loadConfig({ CAJA_CONFIG: wrong })).toThrow(ConfigError);
    expect(() => loadConfig({ CAJA_CONFIG: wrong })).toThrow('se llama 001-02, no 001-07');
  });

  it('the branch dashboard timing: defaults, a bank value, and a stale limit shorter than the report refused', () => {
    expect(loadConfig({}).branchStatus).toEqual({ reportEverySeconds: 30, staleAfterSeconds: 120 });
    expect(loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify({ branchStatus: { staleAfterSeconds: 300 } })) }).branchStatus.staleAfterSeconds).toBe(300);
    expect(() => loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify({ branchStatus: { reportEverySeconds: 60, staleAfterSeconds: 60 } })) })).toThrow('staleAfterSeconds');
  });

  it('the supervisor request deadline: 30 minutes by default, the bank’s value, and one out of range refused naming the field', () => {
    expect(loadConfig({}).supervisor).toEqual({ requestDeadlineMinutes: 30 });
    expect(loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify({ supervisor: { requestDeadlineMinutes: 10 } })) }).supervisor.requestDeadlineMinutes).toBe(10);
    for (const [value, reason] of [
      [4, 'al menos 5 minutos'],
      [241, 'a lo sumo 240 minutos'],
      [7.5, 'número entero de minutos'],
      ['30', 'número de minutos'],
    ] as const) {
      const file = fileWith(JSON.stringify({ supervisor: { requestDeadlineMinutes: value } }));
      expect(() => loadConfig({ CAJA_CONFIG: file })).toThrow(ConfigError);
      expect(() => loadConfig({ CAJA_CONFIG: file })).toThrow('supervisor.requestDeadlineMinutes');
      expect(() => loadConfig({ CAJA_CONFIG: file })).toThrow(reason);
    }
  });

  it('an unreadable or malformed file is a ConfigError, and environment variables win over the file', () => {
    expect(() => loadConfig({ CAJA_CONFIG: fileWith('{ not json') })).toThrow(/No se pudo leer la configuración/);
    expect(() => loadConfig({ CAJA_CONFIG: '/nonexistent/caja.json' })).toThrow(ConfigError);
    const c = loadConfig({ CAJA_CONFIG: fileWith(JSON.stringify({ dataDir: '/from/file' })), CAJA_DATA_DIR: '/from/env' });
    expect(c.dataDir).toBe('/from/env');
  });
});
