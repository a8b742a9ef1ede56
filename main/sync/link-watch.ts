import type { CentralRoute } from '../../domain/central-api';
import type { CentralCall, CentralClient } from './central-client';
import type { LinkState } from './pump';

/**
 * What one answer (or its absence) says of the link: central answered, even with a refusal of the request, so it
 * is up; no answer, a 5xx or central not knowing this workstation's token is "sin conexión" for the teller. A
 * request refused here before it was sent says nothing. Unlike a batch or a reference page, a FORBIDDEN here is
 * about the request (another office's vault, another station's approval), not the workstation.
 */
export const linkSeen = (r: CentralCall<CentralRoute>): LinkState | null => {
  if (r.ok) return 'online';
  if (r.kind !== 'rejected') return 'offline';
  if (r.status === undefined) return null;
  return r.status < 500 && r.error.code !== 'UNAUTHENTICATED' ? 'online' : 'offline';
};

/**
 * The same client, telling `observe` the outcome of every call as it comes back: the one place where the
 * services' own calls to central (authorizations, transfers, security codes, approvals...) reach the link state.
 */
export const watchLink = <C extends Pick<CentralClient, 'call'> & Partial<Pick<CentralClient, 'postBatchRaw'>>>(
  client: C,
  observe: (r: CentralCall<CentralRoute>) => void,
): C => {
  const seen = <T extends CentralCall<CentralRoute>>(r: T): T => {
    observe(r);
    return r;
  };
  const postBatchRaw = client.postBatchRaw?.bind(client);
  return {
    ...client,
    call: async (route, req) => seen(await client.call(route, req)),
    ...(postBatchRaw ? { postBatchRaw: async (body: string) => seen(await postBatchRaw(body)) } : {}),
  };
};
