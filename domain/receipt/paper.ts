/**
 * What a printed paper is, as its print job records it from where it was made, and what the screens call it
 * (PrintStatus's words): F5 must say which original is owed — a teller told a "recibo" is owed looks for a receipt
 * at F9, not for a constancia or the close report. Recorded, not read back from the paper's title, so rewording a
 * title never renames the paper.
 */
export const PRINT_JOB_KINDS = ['receipt', 'constancia', 'close_report', 'reopening_report', 'test', 'validation'] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];

export const PAPER_NAME: Record<PrintJobKind, string> = {
  receipt: 'Recibo',
  constancia: 'Constancia',
  close_report: 'Reporte de fin de día',
  reopening_report: 'Reporte de reapertura',
  test: 'Prueba de impresión',
  /** The imprint on the customer's own Comprobante Único, at the slip station: no paper of ours comes out. */
  validation: 'Validación del comprobante',
};

/** The close report's titles (main/services/arqueo/report.ts); the kind says which one a job printed. */
export const CLOSE_REPORT_TITLE = 'CIERRE DE CAJA - REPORTE DE FIN DE DÍA';
export const REOPENING_REPORT_TITLE = 'CIERRE DE CAJA - REPORTE DE REAPERTURA';
