import type { Pesos } from '../money/pesos';
import type { RulesConfig } from './config';
import { type Result, fail, ok } from './result';

/** UVT of the calendar year of `isoDate` (YYYY-MM-DD). */
export const uvtFor = (isoDate: string, rules: RulesConfig): Result<Pesos> => {
  const year = isoDate.slice(0, 4);
  const uvt = rules.uvtByYear[year];
  return uvt === undefined
    ? fail('UVT_NOT_CONFIGURED', `No está configurado el valor de la UVT para ${year}. Pida a soporte que cargue la UVT del año antes de continuar.`, { year })
    : ok(uvt);
};

/** Start year of the inembargabilidad period (1-Oct → 30-Sep) that contains `isoDate`. */
export const inembargablePeriodStart = (isoDate: string): number => {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 10 ? year : year - 1;
};

export const inembargableFor = (isoDate: string, rules: RulesConfig): Result<Pesos> => {
  const start = inembargablePeriodStart(isoDate);
  const amount = rules.inembargableByPeriod[String(start)];
  return amount === undefined
    ? fail(
        'INEMBARGABLE_NOT_CONFIGURED',
        `No está configurado el monto inembargable del periodo 1-oct-${start} a 30-sep-${start + 1}. Consulte a soporte antes de pagar sobre una cuenta embargada.`,
        { periodStart: start },
      )
    : ok(amount);
};
