import { describe, expect, it } from 'vitest';
import { classifyReply } from './escpos';
import { parsePaperSensor, parseRealtimeStatus, parseSlipStatus, problemOf } from './status';

describe('status parsing (hardware.md §1.2 reference triples)', () => {
  it.each([
    ['OK 12 12 12 12', [0x12, 0x12, 0x12, 0x12], { online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false }, null],
    ['paper out 1A 32 12 7E', [0x1a, 0x32, 0x12, 0x7e], { online: false, coverOpen: false, paperOut: true, paperNearEnd: true, error: false }, 'PRINTER_PAPER_OUT'],
    ['cover open 1A 16 12 12', [0x1a, 0x16, 0x12, 0x12], { online: false, coverOpen: true, paperOut: false, paperNearEnd: false, error: false }, 'PRINTER_COVER_OPEN'],
    ['near end 12 12 12 1E', [0x12, 0x12, 0x12, 0x1e], { online: true, coverOpen: false, paperOut: false, paperNearEnd: true, error: false }, null],
    ['autocutter error 1A 52 1A 12', [0x1a, 0x52, 0x1a, 0x12], { online: false, coverOpen: false, paperOut: false, paperNearEnd: false, error: true }, 'PRINTER_ERROR'],
    ['offline only 1A 12 12 12', [0x1a, 0x12, 0x12, 0x12], { online: false, coverOpen: false, paperOut: false, paperNearEnd: false, error: false }, 'PRINTER_OFFLINE'],
  ] as const)('%s', (_name, [a, b, c, d], expected, problem) => {
    const s = parseRealtimeStatus(a, b, c, d);
    expect(s).toEqual(expected);
    expect(problemOf(s)).toBe(problem);
  });

  it('GS r 1: 0F = paper out, 03 = near end, 00 = ok', () => {
    expect(parsePaperSensor(0x0f)).toEqual({ paperOut: true, paperNearEnd: true });
    expect(parsePaperSensor(0x03)).toEqual({ paperOut: false, paperNearEnd: true });
    expect(parsePaperSensor(0x00)).toEqual({ paperOut: false, paperNearEnd: false });
  });

  it('DLE EOT 5 slip: waiting for insertion vs paper present', () => {
    expect(parseSlipStatus(0x12 | 0x08 | 0x60)).toEqual({ selected: true, waitingInsertion: true, paperPresent: false });
    expect(parseSlipStatus(0x12)).toEqual({ selected: true, waitingInsertion: false, paperPresent: true });
    expect(parseSlipStatus(0x12 | 0x04 | 0x60).selected).toBe(false);
  });

  it('classifies reply bytes by pattern: DLE EOT 0xx1xx10, GS r 0xx0xxxx, XON/XOFF, the rest garbage', () => {
    expect([0x12, 0x1a, 0x32, 0x7e, 0x16].map(classifyReply)).toEqual(Array(5).fill('realtime'));
    expect([0x00, 0x0f, 0x03].map(classifyReply)).toEqual(['queued', 'queued', 'queued']);
    expect(classifyReply(0x11)).toBe('xon');
    expect(classifyReply(0x13)).toBe('xoff');
    expect([0x80, 0xff, 0xa5].map(classifyReply)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});
