import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, RulesConfigSchema } from './config';
import { applyFeeRule, feeFromBrackets } from './fees';
import { inembargableFor, inembargablePeriodStart, uvtFor } from './lookup';

describe('rules config', () => {
  it('parses {} into a complete configuration with the reference values (domain-co §0, §2)', () => {
    expect(DEFAULT_RULES.uiaf.individualCashThreshold).toBe(10_000_000);
    expect(DEFAULT_RULES.uiaf.monthlyCashThreshold).toBe(50_000_000);
    expect(DEFAULT_RULES.uvtByYear).toEqual({ '2025': 49_799, '2026': 52_374 });
    expect(DEFAULT_RULES.gmf).toEqual({ ratePerMille: 4, exemptCapUvt: 350, rounding: 'half-up' });
    expect(DEFAULT_RULES.juridicaCertificateMaxAgeDays).toBe(30); // seed 003, clause 4 literal c
    expect(DEFAULT_RULES.inactivityMonths).toBe(6); // seed 003, clause 7.1
    expect(DEFAULT_RULES.remesa.commission).toEqual({ fixed: 15_000, basisPoints: 0, minimum: 0 });
  });
  it('partial overrides keep the other defaults', () => {
    const r = RulesConfigSchema.parse({ uiaf: { structuring: { minCount: 2 } }, canje: { businessDays: 2 } });
    expect(r.uiaf.structuring).toEqual({ windowDays: 7, margin: 1_000_000, minCount: 2 });
    expect(r.uiaf.individualCashThreshold).toBe(10_000_000);
    expect(r.canje.businessDays).toBe(2);
  });
  it('refuses malformed tables and money', () => {
    expect(RulesConfigSchema.safeParse({ otherCityDepositCommission: [{ upTo: 5, fee: 1 }] }).success).toBe(false);
    expect(RulesConfigSchema.safeParse({ otherCityDepositCommission: [{ upTo: 5, fee: 1 }, { upTo: 4, fee: 1 }, { upTo: null, fee: 1 }] }).success).toBe(false);
    expect(RulesConfigSchema.safeParse({ visacionThreshold: 1.5 }).success).toBe(false);
    expect(RulesConfigSchema.safeParse({ uvtByYear: { '25': 1 } }).success).toBe(false);
  });
  it('lookups by date: UVT per calendar year, inembargable per 1-Oct → 30-Sep period', () => {
    expect(uvtFor('2026-01-01', DEFAULT_RULES)).toEqual({ ok: true, value: 52_374 });
    expect(inembargablePeriodStart('2025-09-30')).toBe(2024);
    expect(inembargablePeriodStart('2025-10-01')).toBe(2025);
    expect(inembargableFor('2026-09-30', DEFAULT_RULES)).toEqual({ ok: true, value: 55_099_308 });
  });
  it('fees: brackets pick the first covering row; fee rules are monotone in the amount', () => {
    expect(feeFromBrackets(1_000_000, DEFAULT_RULES.otherCityDepositCommission)).toBe(5_000);
    expect(feeFromBrackets(1_000_001, DEFAULT_RULES.otherCityDepositCommission)).toBe(10_000);
    expect(feeFromBrackets(99_000_000, DEFAULT_RULES.otherCityDepositCommission)).toBe(20_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 50_000 }), (a, extra, bp, min) => {
        const rule = { fixed: 1_000, basisPoints: bp, minimum: min };
        expect(applyFeeRule(a + extra, rule)).toBeGreaterThanOrEqual(applyFeeRule(a, rule));
        expect(applyFeeRule(a, rule)).toBeGreaterThanOrEqual(min);
      }),
    );
  });
});
