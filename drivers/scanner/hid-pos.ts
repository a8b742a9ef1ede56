/**
 * HID POS bar-code scanner input report (usage page 0x8C), the layout used by Honeywell/Zebra in HID POS mode
 * [K: verify per model]: `[0] report id 0x02 | [1] data length (≤ 56) | [2..4] AIM symbology id | [5..60] data |
 * [61..62] vendor | [63] bit0 = more data follows`. A PDF417 cédula (~531 bytes) arrives in ~10 reports.
 */
export const REPORT_ID = 0x02;
export const REPORT_SIZE = 64;
export const DATA_PER_REPORT = 56;
/** AIM identifier of PDF417. */
export const AIM_PDF417 = ']L0';

/** Splits a payload into input reports, as a scanner would send them (used by the fake and the emulator). */
export const toReports = (payload: Uint8Array, aim = AIM_PDF417): Uint8Array[] => {
  const out: Uint8Array[] = [];
  for (let at = 0; at < payload.length || out.length === 0; at += DATA_PER_REPORT) {
    const chunk = payload.subarray(at, at + DATA_PER_REPORT);
    const r = new Uint8Array(REPORT_SIZE);
    r[0] = REPORT_ID;
    r[1] = chunk.length;
    for (let i = 0; i < 3; i++) r[2 + i] = aim.charCodeAt(i) & 0xff;
    r.set(chunk, 5);
    r[63] = at + DATA_PER_REPORT < payload.length ? 1 : 0;
    out.push(r);
  }
  return out;
};

export interface ScannedCode { aim: string; data: Uint8Array }

/** Reassembles reports into whole codes; malformed reports are dropped and restart assembly. */
export class ReportAssembler {
  private parts: Uint8Array[] = [];
  private aim = '';
  dropped = 0;

  push(report: Uint8Array): ScannedCode | null {
    if (report.length < REPORT_SIZE - 1 || report[0] !== REPORT_ID) { this.dropped++; this.reset(); return null; }
    const len = report[1] ?? 0;
    if (len > DATA_PER_REPORT) { this.dropped++; this.reset(); return null; }
    const aim = String.fromCharCode(report[2] ?? 0, report[3] ?? 0, report[4] ?? 0);
    if (this.parts.length && aim !== this.aim) this.reset();
    this.aim = aim;
    this.parts.push(report.slice(5, 5 + len));
    if (((report[63] ?? 0) & 1) === 1) return null;
    const data = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) { data.set(p, at); at += p.length; }
    this.reset();
    return { aim, data };
  }

  reset(): void {
    this.parts = [];
    this.aim = '';
  }
}
