import type { ReactNode } from 'react';
import type { TellerApi } from '../../domain/contract/client';
import type { User } from '../../domain/contract/session';
import type { TillSession } from '../../domain/contract/till';

/** What every screen gets from the shell. */
export interface ScreenContext {
  teller: TellerApi;
  user: User;
  till: TillSession | null;
  /** Back to the start screen (also what Esc does when no dialog is open). */
  goHome: () => void;
  /** Back to the start screen with a line for the teller, shown until they leave it (what a desk decided unseen). */
  goHomeTelling: (line: string) => void;
  /**
   * Back to the start screen with the till as the core just answered it (opened): the menu enables F3/F4 at once
   * instead of after a reread, in which an F-key typed as soon as Inicio appeared was dropped.
   */
  goHomeWithTill: (till: TillSession) => void;
  /** Re-read the till after something changed it (opening, a posting). */
  refreshTill: () => Promise<void>;
}

/**
 * One entry per screen reachable from the start menu. A feature adds itself to `renderer/app/registry.tsx`;
 * the shell owns F-key dispatch, Esc and the lock overlay, so screens only render.
 */
export interface ScreenDef {
  id: string;
  /** F-key on the start screen, e.g. 'F2'. */
  key: string;
  label: string;
  /** Teller words shown when the entry is disabled, e.g. "Abra la caja primero". */
  enabled: (ctx: ScreenContext) => boolean;
  render: (ctx: ScreenContext) => ReactNode;
}
