import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptDocument } from '../../domain/receipt/document';
import type { PrinterModel } from '../../domain/devices/config';
import { formatPesos } from '../../domain/money/pesos';
import { formatReceiptDateTime } from '../../domain/calendar/bogota-time';

/** One printed line after layout: exactly what the paper shows, before encoding. */
export interface LaidLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold?: boolean;
  /** 2 = double width and height (half the columns). */
  size?: 1 | 2;
}

export const COLUMNS = { '80mm': 48, '58mm': 32 } as const;
export type PaperWidth = keyof typeof COLUMNS;

/** Splits text into lines of at most `width` characters, breaking at spaces when possible. */
export const wrap = (text: string, width: number): string[] => {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
};

/**
 * `label ......... value` with the value flush right; long labels wrap above the value. A value so long that a word
 * of the label no longer fits beside it (a return's number from another workstation, `…-DEV12-001-02`, on 58 mm)
 * goes under the whole label, flush right: the label is never cut inside a word, the value stays on one line.
 */
const labelled = (label: string, value: string, width: number): string[] => {
  if (label.length + 1 + value.length <= width) return [label + ' '.repeat(width - label.length - value.length) + value];
  const room = Math.max(1, width - value.length - 1);
  if (label.split(/\s+/).some((word) => word.length > room)) return [...wrap(label, width), ...wrap(value, width).map((v) => v.padStart(width))];
  const lines = wrap(label, Math.min(room, width));
  const last = lines.pop() ?? '';
  if (last.length + 1 + value.length <= width) {
    return [...lines, last + ' '.repeat(width - last.length - value.length) + value];
  }
  return [...lines, last, ...wrap(value, width).map((v) => v.padStart(width))];
};

/** Lays a receipt out for a paper width; pure, so the UI preview and the golden tests share it. */
export const layoutReceipt = (doc: ReceiptDocument, paper: PaperWidth): LaidLine[] => {
  const cols = COLUMNS[paper];
  const big = Math.floor(cols / 2);
  const rule: LaidLine = { text: '-'.repeat(cols), align: 'left' };
  const out: LaidLine[] = [];
  const add = (text: string, align: LaidLine['align'] = 'left', extra: Partial<LaidLine> = {}): void => {
    for (const t of wrap(text, extra.size === 2 ? big : cols)) out.push({ text: t, align, ...extra });
  };
  const marks = (): void => {
    for (const mark of doc.marks) add(`*** ${mark.toUpperCase()} ***`, 'center', { bold: true, size: 2 });
  };

  marks();
  add(doc.title.toUpperCase(), 'center', { bold: true, size: 2 });
  add(`${doc.branch.code} ${doc.branch.name}`, 'center');
  if (doc.copyNumber !== undefined) add(`COPIA No. ${doc.copyNumber}`, 'center', { bold: true, size: 2 });
  out.push(rule);
  for (const l of labelled(doc.sequenceLabel ?? 'Comprobante', doc.sequence, cols)) out.push({ text: l, align: 'left' });
  for (const l of labelled('Fecha', formatReceiptDateTime(doc.postedAt), cols)) out.push({ text: l, align: 'left' });
  for (const l of labelled('Caja', doc.till, cols)) out.push({ text: l, align: 'left' });
  for (const l of labelled('Cajero', doc.teller, cols)) out.push({ text: l, align: 'left' });
  out.push(rule);
  for (const line of doc.lines) {
    switch (line.kind) {
      case 'amount': {
        const value = formatPesos(line.negative ? -line.amount : line.amount);
        for (const l of labelled(line.label, value, cols)) out.push({ text: l, align: 'left' });
        break;
      }
      case 'field':
        for (const l of labelled(line.label, line.value, cols)) out.push({ text: l, align: 'left' });
        break;
      case 'text':
        add(line.text, line.align ?? 'left', line.emphasis ? { bold: true } : {});
        break;
      case 'rule':
        out.push(rule);
        break;
    }
  }
  if (doc.amountInWords) add(doc.amountInWords, 'left');
  out.push(rule);
  for (const l of labelled('Verificación', doc.verificationCode, cols)) out.push({ text: l, align: 'left', bold: true });
  marks();
  return out;
};

/** `ESC t n` for CP858 per vendor family (hardware.md §1.1: 19 Epson/Bixolon, 2 Citizen, 6 HP). */
export const CP858_NUMBER: Record<PrinterModel, number> = {
  'epson-tm-t88v': 19,
  'epson-tm-t88vi': 19,
  'epson-tm-t20iii': 19,
  'epson-tm-h6000': 19,
  'bixolon-srp350iii': 19,
  'citizen-ct-s310ii': 2,
  'hp-a779': 6,
  'generic-escpos': 19,
};

export interface EncodeOptions {
  paper: PaperWidth;
  model: PrinterModel;
  /** Overrides the model table for clones. */
  cp858Number?: number;
}

/** A fresh encoder with CP858 selected explicitly (never `auto`: clones mis-handle switching, §1.1). */
export const newEncoder = (o: EncodeOptions): ReceiptPrinterEncoder =>
  new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: COLUMNS[o.paper],
    // Only CP858 is mapped, so the encoder can never switch to another table behind our back.
    codepageMapping: { cp858: o.cp858Number ?? CP858_NUMBER[o.model] },
    feedBeforeCut: 4,
    newline: '\n',
  });

/** Encodes laid-out lines; the output ends with feed + cut. */
export const encodeLines = (lines: readonly LaidLine[], o: EncodeOptions): Uint8Array => {
  const e = newEncoder(o).initialize().codepage('cp858');
  for (const l of lines) {
    e.align(l.align);
    if (l.bold) e.bold(true);
    if (l.size === 2) e.size(2, 2);
    e.line(l.text);
    if (l.size === 2) e.size(1, 1);
    if (l.bold) e.bold(false);
  }
  return e.align('left').cut('partial').encode();
};

/** Receipt → ESC/POS bytes for the configured printer. */
export const encodeReceipt = (doc: ReceiptDocument, o: EncodeOptions): Uint8Array =>
  encodeLines(layoutReceipt(doc, o.paper), o);
