/** ESC/POS command bytes used by the driver and understood by the emulator (hardware.md §1). */
export const DLE = 0x10;
export const EOT = 0x04;
export const ENQ = 0x05;
export const DC4 = 0x14;
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;

/** DLE EOT 1..4 back to back: one write, four one-byte replies (hardware.md §1.2). */
export const QUERY_STATUS = Uint8Array.of(DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 3, DLE, EOT, 4);
export const QUERY_SLIP = Uint8Array.of(DLE, EOT, 5);
/** GS r 1: answered after everything before it was printed — the "job done" marker. */
export const DONE_MARKER = Uint8Array.of(GS, 0x72, 1);
/** DLE DC4 8: clear receive and print buffers (TM-T88IV+), so a job interrupted by paper end is not finished later. */
export const CLEAR_BUFFERS = Uint8Array.of(DLE, DC4, 8, 1, 3, 20, 1, 6, 2, 8);
/** DLE ENQ 2: recover from a recoverable error and clear buffers. */
export const RECOVER_CLEAR = Uint8Array.of(DLE, ENQ, 2);

/** ESC c 0 n: paper to print on (bitmask; TM-H5000/H6000 family, verify per model). */
export const STATION = { roll: 0x02, slip: 0x04, validation: 0x08 } as const;
export type Station = keyof typeof STATION;
export const selectStation = (station: Station): Uint8Array => Uint8Array.of(ESC, 0x63, 0x30, STATION[station]);
/** ESC q: release (eject) the slip. */
export const RELEASE_SLIP = Uint8Array.of(ESC, 0x71);

/** Reply classes by bit pattern (hardware.md §1.2, transmission-status identification). */
export type ReplyClass = 'realtime' | 'queued' | 'xon' | 'xoff' | 'unknown';
export const classifyReply = (byte: number): ReplyClass => {
  if (byte === 0x11) return 'xon';
  if (byte === 0x13) return 'xoff';
  if ((byte & 0x93) === 0x12) return 'realtime';
  if ((byte & 0x90) === 0x00) return 'queued';
  return 'unknown';
};
