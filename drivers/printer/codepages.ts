/** Upper halves (0x80–0xFF) of the code pages the emulator can show; the lower half is ASCII. */
const CP437 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const CP850 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
/** CP858 = CP850 with € at 0xD5 instead of the dotless i (hardware.md §1.1). */
const CP858 = CP850.slice(0, 0x55) + '€' + CP850.slice(0x56);

export type CodePageName = 'cp437' | 'cp850' | 'cp858';
export const CODE_PAGES: Record<CodePageName, string> = { cp437: CP437, cp850: CP850, cp858: CP858 };

export const decodeByte = (byte: number, page: CodePageName): string =>
  byte < 0x80 ? String.fromCharCode(byte) : (CODE_PAGES[page][byte - 0x80] ?? '?');

/** Epson numbering (ESC t n) of the pages above; a model's own CP858 number is added by the emulator options. */
export const EPSON_PAGES: Record<number, CodePageName> = { 0: 'cp437', 2: 'cp850', 19: 'cp858' };

/** Text → CP858 bytes for the few lines the encoder cannot lay out (slip station); unknown characters print `?`. */
export const encodeCp858 = (text: string): Uint8Array => {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) { out.push(code); continue; }
    const i = CP858.indexOf(ch);
    out.push(i >= 0 ? 0x80 + i : 0x3f);
  }
  return Uint8Array.from(out);
};
