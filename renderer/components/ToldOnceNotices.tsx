import type { ReactNode } from 'react';
import type { TellerApi } from '../../domain/contract/client';
import { useToldOnce } from './useToldOnce';

/**
 * One kind of Inicio's told-once notices (rejected at a desk, lapsed): a panel of status lines, drawn only when there
 * is something to tell. `read` and `shown` are module-level functions of the caller (see useToldOnce).
 */
export const ToldOnceNotices = <T extends { id: string }>(props: {
  teller: TellerApi;
  label: string;
  read: (teller: TellerApi) => Promise<T[] | null>;
  shown: (teller: TellerApi, ids: string[]) => Promise<unknown>;
  say: (item: T) => ReactNode;
  testId?: string;
}) => {
  const items = useToldOnce(props.teller, props.read, props.shown);
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-label={props.label}>
      {items.map((item) => (
        <p key={item.id} className="error-banner" role="status" data-testid={props.testId}>
          {props.say(item)}
        </p>
      ))}
    </section>
  );
};
