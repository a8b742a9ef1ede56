import type { PrinterConfig } from '../../../domain/devices/config';
import type { ReceiptDocument } from '../../../domain/receipt/document';

/** hardware.md §1.1: if this line prints right, the code page is right for Spanish. */
export const CODEPAGE_TEST_LINE = 'Añejo Ñandú: cédula, acción ¿sí? ¡€5!';

/** The "Prueba de impresión" paper: no value, marked as such, shows model, paper and code page. */
export const testReceipt = (o: {
  reference: string;
  printer: PrinterConfig;
  workstation: { branchCode: string; branchName: string; tillCode: string };
  teller: string;
  at: Date;
}): ReceiptDocument => ({
  sequence: o.reference,
  title: 'Prueba de impresión',
  branch: { code: o.workstation.branchCode, name: o.workstation.branchName },
  till: `Caja ${o.workstation.tillCode}`,
  teller: o.teller,
  postedAt: o.at.toISOString(),
  lines: [
    { kind: 'field', label: 'Modelo', value: o.printer.model },
    { kind: 'field', label: 'Papel', value: o.printer.paperWidth },
    { kind: 'field', label: 'Conexión', value: o.printer.link.kind },
    { kind: 'rule' },
    { kind: 'text', text: CODEPAGE_TEST_LINE, align: 'center' },
    { kind: 'text', text: 'Si las tildes, la ñ y el € se ven bien, la impresora está bien configurada.', align: 'left' },
  ],
  verificationCode: 'PRUEBA',
  marks: ['PRUEBA - SIN VALOR'],
});
