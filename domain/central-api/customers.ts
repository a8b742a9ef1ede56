import { z } from 'zod';
import { IsoDateTimeSchema, KeySchema } from './common';
import { OperationPayloads } from './operations';

/**
 * Contact-data update (cellphone) as its own route; central journals it as a `contact_update` operation of
 * the calling workstation, so it is idempotent on `key` like any batch operation.
 */
export const ContactUpdateRequestSchema = OperationPayloads.contact_update.extend({
  key: KeySchema,
  occurredAt: IsoDateTimeSchema,
});
export type ContactUpdateRequest = z.infer<typeof ContactUpdateRequestSchema>;
