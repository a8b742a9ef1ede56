import type { IdentityDocument } from '../../../domain/identity/document';
import type { ExistingRequest, SecurityCodeState } from '../../../domain/security-code';
import { type Clock } from '../../core/runtime';
import { bogotaDayStart } from '../../../domain/calendar/bogota-time';
import type { SecurityCodeRepo } from '../../store/security-code/repo';
import type { CentralClient } from '../../sync/central-client';
import { openRequest } from './central-steps';

type DocType = Parameters<typeof openRequest>[1]['documentType'];

/**
 * The customer's requests still open when a new one is identified (QA: a second radicación for the same customer
 * got no warning): this workstation's unfinished security-code flows, and the open radicado central knows of at
 * any workstation. Without central, this workstation's own radicados stand in for central's answer; central
 * refuses a second request anyway (OPEN_REQUEST_EXISTS) when it comes back.
 */
export const findExisting = async (
  deps: { flows: SecurityCodeRepo; central: Pick<CentralClient, 'call'> | null; clock: Clock; workstationId: string },
  flowId: string,
  doc: IdentityDocument,
): Promise<{ existing: ExistingRequest[]; sendNowAllowedFrom: string | null }> => {
  const now = deps.clock.now();
  const same = (d: IdentityDocument): boolean => d.type === doc.type && d.number === doc.number;
  const flows = deps.flows
    .listOpenFlows(bogotaDayStart(now))
    .filter((f) => f.id !== flowId && f.purpose === 'security_code')
    .flatMap((f): ExistingRequest[] => {
      const s = JSON.parse(f.state) as SecurityCodeState;
      return 'customer' in s && same(s.customer.document)
        ? [{ kind: 'flow', flowId: f.id, startedAt: f.createdAt, step: s.step, tellerId: f.tellerId }]
        : [];
    });
  const c = await openRequest(deps.central, { documentType: doc.type as DocType, documentNumber: doc.number });
  if (c.ok) {
    const o = c.value.open;
    const open: ExistingRequest[] =
      o && (o.state === 'radicado' || o.state === 'enviado')
        ? [{ kind: 'radicado', radicado: o.radicado, createdAt: o.createdAt, state: o.state, workstation: o.workstation }]
        : [];
    // The wait, not central's instant: the two clocks may differ, and the teller reads the workstation's.
    const from = c.value.sendNowAllowedFrom;
    const wait = from === null ? 0 : Date.parse(from) - Date.parse(c.value.now);
    return { existing: [...flows, ...open], sendNowAllowedFrom: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null };
  }
  const local = deps.flows
    .listRequests()
    .filter(
      (r) =>
        r.mode === 'radicate' &&
        same({ type: r.documentType, number: r.documentNumber } as IdentityDocument) &&
        (r.state === 'radicado' || r.state === 'enviado') &&
        !r.supersededBy &&
        Date.parse(r.deadline) > now.getTime(),
    )
    .slice(0, 1)
    .map((r): ExistingRequest => ({ kind: 'radicado', radicado: r.radicado, createdAt: r.createdAt, state: r.state as 'radicado' | 'enviado', workstation: deps.workstationId }));
  return { existing: [...flows, ...local], sendNowAllowedFrom: null };
};

/** The open radicado a request replaces, once the teller decided to replace the customer's open requests. */
export const replacedRadicado = (c: { existing?: readonly ExistingRequest[]; replacing?: string }): { replaces: string } | Record<string, never> => {
  if (c.replacing === undefined) return {};
  const r = c.existing?.find((e) => e.kind === 'radicado');
  return r?.kind === 'radicado' ? { replaces: r.radicado } : {};
};
