import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPROVAL_REASONS, APPROVAL_REASON_CODES, approvalReason } from './reasons';
import { type ApprovalEvent, type ApprovalRequest, MakerCheckerError, approvalCovers, assertMakerIsNotChecker, decideApproval, openApprovalRequest } from './request';

const open = (): ApprovalRequest => {
  const r = openApprovalRequest({ id: 'a1', subject: '001-01-000007', reasons: [approvalReason('VISACION')], makerId: 'cajero1', requestedAt: '2025-06-10T10:00:00.000-05:00', ttlSeconds: 600 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('approval reasons', () => {
  it('every code has a Spanish description and a basis', () => {
    for (const code of APPROVAL_REASON_CODES) {
      expect(APPROVAL_REASONS[code].description.length).toBeGreaterThan(10);
      expect(APPROVAL_REASONS[code].basis.length).toBeGreaterThan(3);
    }
  });
});

describe('maker ≠ checker (domain-co §8 item 10)', () => {
  it('throws a typed error when the same user approves', () => {
    expect(() => assertMakerIsNotChecker('u1', 'u1')).toThrow(MakerCheckerError);
    expect(() => assertMakerIsNotChecker('u1', ' u1 ')).toThrow(MakerCheckerError);
    expect(() => assertMakerIsNotChecker('u1', 'u2')).not.toThrow();
  });
});

describe('approval request state machine', () => {
  it('pendiente → aprobada by another user; the expiry is computed from the ttl', () => {
    const req = open();
    expect(req.expiresAt).toBe('2025-06-10T15:10:00.000Z');
    const r = decideApproval(req, { type: 'aprobar', checkerId: 'sup1', at: '2025-06-10T10:05:00-05:00' });
    expect(r.ok && r.value.status).toBe('aprobada');
    expect(r.ok && approvalCovers(r.value, [{ code: 'VISACION' }])).toBe(true);
    expect(r.ok && approvalCovers(r.value, [{ code: 'VISACION' }, { code: 'REVERSAL' }])).toBe(false);
  });
  it('refuses self-approval, late approval, rejection without a note', () => {
    const req = open();
    const self = decideApproval(req, { type: 'aprobar', checkerId: 'cajero1', at: '2025-06-10T10:01:00-05:00' });
    expect(!self.ok && self.error.code).toBe('MAKER_IS_CHECKER');
    const late = decideApproval(req, { type: 'aprobar', checkerId: 'sup1', at: '2025-06-10T10:10:00-05:00' });
    expect(!late.ok && late.error.code).toBe('APPROVAL_EXPIRED');
    const bare = decideApproval(req, { type: 'rechazar', checkerId: 'sup1', at: '2025-06-10T10:01:00-05:00', note: ' ' });
    expect(!bare.ok && bare.error.code).toBe('APPROVAL_NOTE_REQUIRED');
    const expired = decideApproval(req, { type: 'vencer', at: '2025-06-10T10:10:00-05:00' });
    expect(expired.ok && expired.value.status).toBe('vencida');
  });
  it('property: final states never change; an approved request never has maker = checker', () => {
    const event: fc.Arbitrary<ApprovalEvent> = fc.oneof(
      fc.record({ type: fc.constant('aprobar' as const), checkerId: fc.constantFrom('cajero1', 'sup1', 'sup2'), at: fc.integer({ min: 0, max: 1200 }).map((s) => new Date(Date.parse('2025-06-10T15:00:00Z') + s * 1000).toISOString()) }),
      fc.record({ type: fc.constant('rechazar' as const), checkerId: fc.constantFrom('cajero1', 'sup1'), note: fc.constantFrom('', 'sin soporte'), at: fc.integer({ min: 0, max: 1200 }).map((s) => new Date(Date.parse('2025-06-10T15:00:00Z') + s * 1000).toISOString()) }),
      fc.record({ type: fc.constant('vencer' as const), at: fc.integer({ min: 0, max: 1200 }).map((s) => new Date(Date.parse('2025-06-10T15:00:00Z') + s * 1000).toISOString()) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), (events) => {
        let req = open();
        let finalSeen: ApprovalRequest | null = null;
        for (const e of events) {
          const r = decideApproval(req, e);
          if (finalSeen) expect(r.ok).toBe(false);
          if (r.ok) {
            req = r.value;
            expect(req.status).not.toBe('pendiente');
            finalSeen = req;
          }
        }
        if (req.status === 'aprobada') {
          expect(req.checkerId).not.toBe(req.makerId);
          expect(Date.parse(req.decidedAt ?? '')).toBeLessThan(Date.parse(req.expiresAt));
        }
        if (req.status === 'vencida') expect(Date.parse(req.decidedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(req.expiresAt));
      }),
    );
  });
});
