import { z } from 'zod';

/**
 * GROW R30x/R50x/ZFM/AS608 UART framing (hardware.md §3.2):
 * `EF 01 | ADDR(4) | PID | LEN(2, BE) | payload | SUM(2, BE)`, LEN = payload + 2,
 * SUM = (PID + LEN_hi + LEN_lo + Σ payload) & 0xFFFF.
 */
export const PID = { command: 0x01, data: 0x02, ack: 0x07, end: 0x08 } as const;
export const DEFAULT_ADDRESS = 0xffffffff;

export const CMD = {
  genImg: 0x01,
  img2Tz: 0x02,
  match: 0x03,
  search: 0x04,
  regModel: 0x05,
  upChar: 0x08,
  readSysPara: 0x0f,
  vfyPwd: 0x13,
} as const;

/** Confirmation codes the driver acts on (the full table is in hardware.md §3.2). */
export const CONFIRM = {
  ok: 0x00,
  packetError: 0x01,
  noFinger: 0x02,
  imagingFail: 0x03,
  disorderly: 0x06,
  tooFewFeatures: 0x07,
  uploadFail: 0x0d,
  wrongPassword: 0x13,
  noPrimaryImage: 0x15,
} as const;

export const GrowPacketSchema = z.object({
  address: z.number().int().min(0).max(0xffffffff),
  pid: z.union([z.literal(PID.command), z.literal(PID.data), z.literal(PID.ack), z.literal(PID.end)]),
  payload: z.instanceof(Uint8Array),
});
export type GrowPacket = z.infer<typeof GrowPacketSchema>;

export const checksum = (pid: number, len: number, payload: Uint8Array): number => {
  let sum = pid + (len >> 8) + (len & 0xff);
  for (const b of payload) sum += b;
  return sum & 0xffff;
};

export const encodePacket = (pid: number, payload: Uint8Array, address = DEFAULT_ADDRESS): Uint8Array => {
  const len = payload.length + 2;
  const sum = checksum(pid, len, payload);
  return Uint8Array.from([
    0xef, 0x01,
    (address >>> 24) & 0xff, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff,
    pid, len >> 8, len & 0xff,
    ...payload,
    sum >> 8, sum & 0xff,
  ]);
};

export const command = (code: number, params: readonly number[] = [], address = DEFAULT_ADDRESS): Uint8Array =>
  encodePacket(PID.command, Uint8Array.from([code, ...params]), address);

export const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** Largest payload accepted from the wire; anything bigger is line noise, so the parser resynchronises. */
const MAX_PAYLOAD = 512;

/**
 * Streaming parser: feeds arbitrary chunks, returns whole packets. Bytes before a header, and frames with a bad
 * checksum or absurd length, are dropped (counted in `dropped`) and the search restarts one byte later.
 */
export class PacketParser {
  private buf: number[] = [];
  dropped = 0;

  push(chunk: Uint8Array): GrowPacket[] {
    for (const b of chunk) this.buf.push(b);
    const out: GrowPacket[] = [];
    for (;;) {
      const start = this.findHeader();
      if (start < 0) break;
      if (this.buf.length < start + 9) break;
      const b = this.buf;
      const at = (i: number): number => b[start + i] ?? 0;
      const pid = at(6);
      const len = (at(7) << 8) | at(8);
      if (len < 2 || len - 2 > MAX_PAYLOAD) { this.skip(start + 1); continue; }
      const total = 9 + len;
      if (b.length < start + total) break;
      const payload = Uint8Array.from(b.slice(start + 9, start + 9 + len - 2));
      const sum = (at(total - 2) << 8) | at(total - 1);
      const parsed = GrowPacketSchema.safeParse({
        address: ((at(2) << 24) | (at(3) << 16) | (at(4) << 8) | at(5)) >>> 0,
        pid,
        payload,
      });
      if (sum !== checksum(pid, len, payload) || !parsed.success) { this.skip(start + 1); continue; }
      this.skip(start + total, false);
      out.push(parsed.data);
    }
    return out;
  }

  private findHeader(): number {
    for (let i = 0; i + 1 < this.buf.length; i++) {
      if (this.buf[i] === 0xef && this.buf[i + 1] === 0x01) {
        if (i > 0) { this.dropped += i; this.buf.splice(0, i); }
        return 0;
      }
    }
    // keep a trailing 0xEF: it may be the first half of the next header
    const keep = this.buf.at(-1) === 0xef ? 1 : 0;
    this.dropped += this.buf.length - keep;
    this.buf.splice(0, this.buf.length - keep);
    return -1;
  }

  private skip(n: number, garbage = true): void {
    if (garbage) this.dropped += n;
    this.buf.splice(0, n);
  }
}
