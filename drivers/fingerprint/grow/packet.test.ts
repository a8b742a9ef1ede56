import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CMD, PID, PacketParser, command, encodePacket, u32 } from './packet';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').replace(/(..)(?!$)/g, '$1 ').toUpperCase();

describe('GROW packet framing (hardware.md §3.2 example packets)', () => {
  it.each([
    ['GenImg', command(CMD.genImg), 'EF 01 FF FF FF FF 01 00 03 01 00 05'],
    ['Img2Tz(1)', command(CMD.img2Tz, [1]), 'EF 01 FF FF FF FF 01 00 04 02 01 00 08'],
    ['Search(1, 0, 0xA3)', command(CMD.search, [1, 0, 0, 0, 0xa3]), 'EF 01 FF FF FF FF 01 00 08 04 01 00 00 00 A3 00 B1'],
    ['VfyPwd(0)', command(CMD.vfyPwd, u32(0)), 'EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B'],
    ['ACK OK', encodePacket(PID.ack, Uint8Array.of(0)), 'EF 01 FF FF FF FF 07 00 03 00 00 0A'],
    ['ACK no finger', encodePacket(PID.ack, Uint8Array.of(2)), 'EF 01 FF FF FF FF 07 00 03 02 00 0C'],
  ])('%s', (_name, bytes, expected) => {
    expect(hex(bytes)).toBe(expected);
  });

  it('parses packets split anywhere and surrounded by garbage; bad checksums are dropped (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.uint8Array({ minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 5 }),
      fc.uint8Array({ maxLength: 40 }),
      fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 20 }),
      (payloads, junk, cuts) => {
        const noise = junk.map((b) => (b === 0xef ? 0x00 : b)); // junk must not contain a header start
        const good = payloads.map((p) => encodePacket(PID.data, p));
        const corrupt = encodePacket(PID.data, Uint8Array.of(1, 2, 3));
        corrupt[corrupt.length - 1] = (corrupt[corrupt.length - 1] ?? 0) ^ 0xff;
        const stream = Uint8Array.from([...noise, ...corrupt, ...good.flatMap((g) => [...g, ...noise])]);
        const parser = new PacketParser();
        const got: Uint8Array[] = [];
        let at = 0;
        for (const c of [...cuts, stream.length]) {
          got.push(...parser.push(stream.subarray(at, at + c)).map((p) => p.payload));
          at += c;
          if (at >= stream.length) break;
        }
        if (at < stream.length) got.push(...parser.push(stream.subarray(at)).map((p) => p.payload));
        expect(got.map((g) => Array.from(g))).toEqual(payloads.map((p) => Array.from(p)));
        expect(parser.dropped).toBeGreaterThanOrEqual(corrupt.length);
      },
    ));
  });
});
