import { describe, expect, it } from 'vitest';
import { COMMON_ERROR_CODES, contract, featureChannels } from './index';
import { createTellerApi } from './client';

describe('contract', () => {
  it('declares every channel in exactly one feature, under that feature’s prefix', () => {
    const all = Object.entries(featureChannels).flatMap(([feature, channels]) =>
      Object.keys(channels).map((name) => ({ feature, name })),
    );
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    expect(all.map((c) => c.name).sort()).toEqual(Object.keys(contract).sort());
    for (const c of all) expect(c.name.startsWith(`${c.feature}.`)).toBe(true);
  });

  it('gives each channel a request and response schema and error codes in UPPER_SNAKE', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(spec.request, name).toBeDefined();
      expect(spec.response, name).toBeDefined();
      for (const code of [...spec.errors, ...COMMON_ERROR_CODES]) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });

  it('builds one named function per channel and routes calls through the transport', async () => {
    const calls: [string, unknown][] = [];
    const api = createTellerApi({
      invoke: async (channel, request) => {
        calls.push([channel, request]);
        return { ok: true, data: {} };
      },
      subscribe: () => () => {},
    });
    await api.till.current({});
    await api.session.login({ username: 'a', password: 'b' });
    expect(calls).toEqual([
      ['till.current', {}],
      ['session.login', { username: 'a', password: 'b' }],
    ]);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
