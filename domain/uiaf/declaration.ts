import { z } from 'zod';
import { normalizePersonName, PersonIdSchema } from '../accounts/person';
import { IsoDateSchema } from '../calendar/iso-date';
import { PositivePesosSchema } from '../money/pesos';

/**
 * Declaración de origen (deposits) / destino (withdrawals) de fondos for a cash transaction at or above the UIAF
 * threshold (EOSF art. 103 num. 1 form, domain-co §2; field set per bank practice [U]). The teller captures it
 * before posting; the operation cannot complete until it is signed.
 */
const Address = z.string().trim().min(5, { message: 'Escriba la dirección completa' }).max(200);
const Phone = z.string().regex(/^\d{7,10}$/, { message: 'Escriba un teléfono de 7 a 10 dígitos' });
/** A phone the declaration takes: the form checks it before the core does, and offers central's only when it is. */
export const isDeclarablePhone = (phone: string): boolean => Phone.safeParse(phone).success;

// Named as the slip names the depositor (normalizePersonName), so the UIAF row and the receipt agree.
const Party = z.object({ id: PersonIdSchema, name: z.string().trim().min(1, { message: 'Escriba el nombre completo' }).transform(normalizePersonName), address: Address });

export const CashDeclarationSchema = z
  .object({
    direction: z.enum(['deposito', 'retiro']),
    /** The person who physically hands over or receives the cash. */
    transactor: Party.extend({ phone: Phone }),
    /** Person on whose behalf it is made, when different from the transactor. */
    onBehalfOf: Party.optional(),
    /** Beneficiary (the account holder for a deposit by a third party), if any. */
    beneficiary: Party.omit({ address: true }).optional(),
    accountNumber: z.string().regex(/^\d{6,20}$/),
    office: z.object({ code: z.string().min(1), city: z.string().min(1) }),
    date: IsoDateSchema,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, { message: 'Hora inválida: use hh:mm:ss' }),
    amount: PositivePesosSchema,
    /** Free text: where the money comes from (deposit) or what it is for (withdrawal). */
    originOrDestination: z.string().trim().min(10, { message: 'Describa el origen o destino de los fondos (mínimo 10 caracteres)' }).max(500),
    economicActivity: z.string().trim().min(3, { message: 'Indique la actividad económica' }).max(200),
    /** Persona Expuesta Políticamente. */
    pep: z.boolean(),
    /** Signed on the pad or on paper; the declaration is not valid unsigned. */
    signed: z.literal(true, { message: 'La declaración debe estar firmada por quien realiza la transacción' }),
  });
export type CashDeclaration = z.infer<typeof CashDeclarationSchema>;

/**
 * What the confirmation says of the declaration for cash the UIAF must be told of: asked for while it is missing,
 * and, once the teller took it (the form saves it only signed), that it was taken, so nobody asks the customer
 * to sign a second one. Null when the cash needs none.
 */
export const declarationNotice = (direction: CashDeclaration['direction'], required: boolean, taken: boolean): string | null => {
  if (!required) return null;
  const what = `declaración de ${direction === 'deposito' ? 'origen' : 'destino'} de fondos`;
  return taken ? `Efectivo sujeto a reporte UIAF: ${what} tomada y firmada por el cliente.` : `Efectivo sujeto a reporte UIAF: requiere ${what} firmada.`;
};
