import type { FingerprintMatchRequest, OpenSecurityCodeResponse, SecurityCodePurpose, SecurityCodeRequest } from '../../../domain/central-api';

type FingerprintPurpose = NonNullable<FingerprintMatchRequest['purpose']>;
import type { CentralCall, CentralClient } from '../../sync/central-client';

/**
 * One central request of a flow and what its failure means. `unreached`: the connection was refused, so central
 * did nothing and the flow may be closed as "central no disponible". `unknown`: it may have been applied (time-out,
 * unreadable answer), so the same idempotent request must be sent again before anything else happens.
 */
export type StepOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'rejected'; code: string; message: string; details?: Record<string, unknown> }
  | { ok: false; kind: 'unreached' | 'unknown'; message: string };

const classify = <T>(r: Extract<CentralCall<never>, { ok: false }>): StepOutcome<T> => {
  if (r.kind === 'rejected') {
    // The registry operator being down at central means the match did not happen: same as central being away.
    if (r.error.code === 'REGISTRY_UNAVAILABLE') return { ok: false, kind: 'unreached', message: r.error.message };
    return { ok: false, kind: 'rejected', code: r.error.code, message: r.error.message, ...(r.error.details ? { details: r.error.details } : {}) };
  }
  if (r.kind === 'network' && r.error.code === 'CENTRAL_UNREACHABLE') return { ok: false, kind: 'unreached', message: r.error.message };
  return { ok: false, kind: 'unknown', message: r.error.message };
};

type Client = Pick<CentralClient, 'call'> | null;
const NO_CENTRAL: StepOutcome<never> = { ok: false, kind: 'unreached', message: 'La central no está configurada en esta estación. Llame a soporte.' };

export interface ContactPayload {
  documentType: 'CC' | 'CE' | 'TI' | 'PA' | 'PPT' | 'NIT';
  documentNumber: string;
  /** Exactly one of cellphone, email, address (central refuses otherwise). */
  cellphone?: string;
  email?: string;
  address?: string;
  validatedBy: 'previous_cellphone' | 'previous_value' | 'fingerprint';
  previousCellphone?: string;
  previousValue?: string;
  fingerprintTransactionId?: string;
}

/** Central's reference for an applied (or earlier applied) update; a rejection carries central's reason. */
export const updateContact = async (central: Client, key: string, occurredAt: string, p: ContactPayload): Promise<StepOutcome<{ reference: string }>> => {
  if (!central) return NO_CENTRAL;
  const r = await central.call('updateContact', { key, occurredAt, ...p });
  if (!r.ok) return classify(r);
  const d = r.data;
  if (d.status === 'conflict') return { ok: false, kind: 'rejected', code: 'IDEMPOTENCY_CONFLICT', message: d.message };
  if (d.first.outcome === 'applied') return { ok: true, value: { reference: d.first.reference } };
  return { ok: false, kind: 'rejected', code: d.first.reason, message: d.first.message };
};

export const sendNow = async (
  central: Client,
  key: string,
  p: { documentType: ContactPayload['documentType']; documentNumber: string; statedCellphone: string; purpose: SecurityCodePurpose; replaces?: string },
): Promise<StepOutcome<SecurityCodeRequest>> => {
  if (!central) return NO_CENTRAL;
  const r = await central.call('sendSecurityCodeNow', { key, ...p });
  return r.ok ? { ok: true, value: r.data.request } : classify(r);
};

export const radicate = async (
  central: Client,
  key: string,
  p: { documentType: ContactPayload['documentType']; documentNumber: string; fingerprintTransactionId: string; purpose: SecurityCodePurpose; replaces?: string },
): Promise<StepOutcome<SecurityCodeRequest>> => {
  if (!central) return NO_CENTRAL;
  const r = await central.call('radicateSecurityCode', { key, ...p });
  return r.ok ? { ok: true, value: r.data.request } : classify(r);
};

export const matchFingerprint = async (
  central: Client,
  p: { documentType: ContactPayload['documentType']; documentNumber: string; template: string; format: string; purpose?: FingerprintPurpose },
): Promise<StepOutcome<{ result: 'match' | 'no_match' | 'poor_quality'; score: number; transactionId: string; failuresToday?: number }>> => {
  if (!central) return NO_CENTRAL;
  const format = p.format === 'ansi-378' || p.format === 'iso-19794-2' || p.format === 'caja-demo-v1' ? p.format : null;
  if (format === null) return { ok: false, kind: 'rejected', code: 'FINGERPRINT_FORMAT', message: `El lector entregó un formato de huella que central no acepta (${p.format}).` };
  const r = await central.call('matchFingerprint', { documentType: p.documentType, documentNumber: p.documentNumber, template: p.template, format, ...(p.purpose ? { purpose: p.purpose } : {}) });
  return r.ok ? { ok: true, value: r.data } : classify(r);
};

/** What central knows of the customer's open request and the immediate-send interval. */
export const openRequest = async (
  central: Client,
  p: { documentType: ContactPayload['documentType']; documentNumber: string },
): Promise<StepOutcome<OpenSecurityCodeResponse>> => {
  if (!central) return NO_CENTRAL;
  const r = await central.call('openSecurityCodes', p);
  return r.ok ? { ok: true, value: r.data } : classify(r);
};

export const requestStatus = async (central: Client, radicado: string): Promise<StepOutcome<SecurityCodeRequest>> => {
  if (!central) return NO_CENTRAL;
  const r = await central.call('securityCodeStatus', { radicado });
  return r.ok ? { ok: true, value: r.data.request } : classify(r);
};
