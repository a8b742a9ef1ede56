/**
 * What a printed paper is called on the screens (PrintStatus's words), told from its title: print jobs keep only
 * the document, and F5 must say which original is owed — a teller told a "recibo" is owed looks for a receipt at
 * F9, not for a constancia or the close report. The report titles live here so the builder and the reader agree.
 */
export const CLOSE_REPORT_TITLE = 'CIERRE DE CAJA - REPORTE DE FIN DE DÍA';
export const REOPENING_REPORT_TITLE = 'CIERRE DE CAJA - REPORTE DE REAPERTURA';

const PAPER_BY_TITLE: readonly [prefix: string, name: string][] = [
  ['CONSTANCIA', 'Constancia'],
  [REOPENING_REPORT_TITLE, 'Reporte de reapertura'],
  [CLOSE_REPORT_TITLE, 'Reporte de fin de día'],
];

export const paperName = (title: unknown): string =>
  PAPER_BY_TITLE.find(([prefix]) => typeof title === 'string' && title.startsWith(prefix))?.[1] ?? 'Recibo';
