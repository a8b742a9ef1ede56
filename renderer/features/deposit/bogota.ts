import { resolvePlaza } from '../../../domain/cheque/plaza-match';

/** Business date and time at the branch (Colombia, UTC−5, no DST) for forms the customer signs. */
export const bogotaNow = (): { date: string; time: string } => {
  const iso = new Date(Date.now() - 5 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
};

/** The demo office's plaza; same-city cheques go to canje (the core decides, this only pre-fills the row). */
export const OFFICE_CITY = 'Bogotá D.C.';
/** The office's plaza on the list (DANE 11001): a cheque row starts there, the usual case. */
export const OFFICE_PLAZA = resolvePlaza(OFFICE_CITY);
