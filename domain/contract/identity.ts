import { z } from 'zod';
import { PersonIdSchema } from '../accounts/person';
import { ContactFieldSchema } from '../identity/contact';
import { channel } from './channel';
import { FlowViewSchema } from './security-code';

/**
 * Contact-data update at the counter. It uses the same verification as the security-code request (seed 000):
 * the registered cellphone, else the previous number, else ID + fingerprint with Ley 1581 consent; the steps
 * after the start are the `securityCode.*` channels on the returned flow id. A mismatch is explained in the
 * words of seed 002 ("Error de seguridad en datos").
 */
/** See `identity.contactOnFile`. */
export const ContactOnFileSchema = z.object({
  status: z.enum(['found', 'not_found', 'not_synced']),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});
export type ContactOnFile = z.infer<typeof ContactOnFileSchema>;

export const identityChannels = {
  /** `field`: the datum to update (cellphone, e-mail or postal address), all through the same verification. */
  'identity.startContactUpdate': channel({
    access: 'user',
    request: z.object({ field: ContactFieldSchema.default('cellphone') }),
    response: z.object({ flow: FlowViewSchema }),
  }),
  /**
   * The last cédula read by the workstation's PDF417 scanner in the past minute, handed out once. The UI asks
   * while the identification step is open and fills the document with it.
   */
  'identity.takeScan': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({
      scan: z
        .discriminatedUnion('ok', [
          z.object({ ok: z.literal(true), documentType: z.enum(['CC', 'TI']), documentNumber: z.string(), name: z.string() }),
          z.object({ ok: z.literal(false), message: z.string() }),
        ])
        .nullable(),
    }),
  }),
  /**
   * The postal address and phone central has for a person, to pre-fill the UIAF declaration (the teller confirms
   * them with the customer). Read from the branch's copy of central's customer records, kept current by the sync
   * loop, so the counter never waits on central for it. `found`: central has the person (either datum may still
   * be null: not registered); `not_found`: central has no such customer; `not_synced`: this workstation has not
   * received central's records yet.
   */
  'identity.contactOnFile': channel({ access: 'user', request: z.object({ id: PersonIdSchema }), response: ContactOnFileSchema }),
} as const;
