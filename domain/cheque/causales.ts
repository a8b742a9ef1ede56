import { z } from 'zod';

/**
 * Causales de devolución (domain-co §5). Codes 1–7 are the Asobancaria numbering [V]; the rest have no verified
 * number yet (`code: null`, open item 1 in domain-co §12) and are identified by `id`. `imputableAlGirador` marks
 * causales where the drawer is at fault, which opens the 20 % sanction of C.Co. art. 731; the classification is
 * ours [U] and must be confirmed with the canje area.
 */
export const ReturnCausalSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  code: z.number().int().positive().nullable(),
  text: z.string().min(1),
  imputableAlGirador: z.boolean(),
  active: z.boolean(),
});
export type ReturnCausal = z.infer<typeof ReturnCausalSchema>;

const c = (id: string, code: number | null, text: string, imputableAlGirador: boolean, active = true): ReturnCausal => ({ id, code, text, imputableAlGirador, active });

export const RETURN_CAUSALES: readonly ReturnCausal[] = [
  c('codigo-inhabilitado', 1, '(código inhabilitado)', false, false),
  c('fondos-insuficientes', 2, 'Fondos insuficientes', true),
  c('pagado-parcialmente', 3, 'Pagado parcialmente', true),
  c('chequera-ajena', 4, 'Librado en chequera ajena', true),
  c('cuenta-cancelada', 5, 'Cuenta cancelada', true),
  c('cuenta-saldada', 6, 'Cuenta saldada', true),
  c('saldo-embargado', 7, 'Saldo embargado', false),
  c('orden-no-pago', null, 'Orden de no pago', true),
  c('presentacion-extemporanea', null, 'Presentación 6 meses después de librado', false),
  c('concurso-girador', null, 'Quiebra, liquidación o concurso del girador', false),
  c('aparentemente-falsificado', null, 'Instrumento aparentemente falsificado', false),
  c('firma-no-registrada', null, 'Firma no registrada', true),
  c('faltan-firmas', null, 'Faltan firmas', true),
  c('falta-protector', null, 'Falta protector registrado', true),
  c('falta-sello-antefirma', null, 'Falta sello antefirma registrado', true),
  c('falta-endoso', null, 'Falta endoso', false),
  c('falta-continuidad-endoso', null, 'Falta continuidad de endoso', false),
  c('cheque-enmendado', null, 'Cheque enmendado', true),
  c('faltan-cantidad', null, 'Faltan cantidad en números y/o letras', true),
  c('falta-sello-canje', null, 'Falta sello de canje', false),
  c('mal-remitido', null, 'Mal remitido / no es a nuestro cargo', false),
  c('oficina-de-giros', null, 'Preséntese a nuestra oficina de giros', false),
  c('falta-certificar', null, 'Falta certificar', false),
  c('valor-inconsistente', null, 'Valor inconsistente entre registro y cheque', false),
  c('registro-sin-documento', null, 'Registro electrónico sin documento físico', false),
  c('cuenta-errada', null, 'Cuenta errada', false),
  c('numero-cheque-errado', null, 'Número de cheque errado', false),
  c('codigo-ruta-errado', null, 'Código de ruta errado o de otra plaza', false),
  c('codigo-transito-errado', null, 'Código de tránsito errado o de otro banco', false),
  c('primer-beneficiario', null, 'Consignación en cuenta del primer beneficiario', false),
  c('abono-cuenta-designada', null, 'Abono en cuenta designada', false),
  c('falta-confirmacion-juzgado', null, 'Falta confirmación del juzgado o entidad', false),
];

export const findCausal = (id: string): ReturnCausal | undefined => RETURN_CAUSALES.find((x) => x.id === id && x.active);
