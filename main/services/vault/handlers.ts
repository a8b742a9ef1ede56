import type { FeatureHandlers } from '../../core/dispatcher';
import type { VaultService } from './service';

export const vaultHandlers = (vault: VaultService): FeatureHandlers<'vault'> => ({
  'vault.overview': (_req, ctx) => vault.overview(ctx.user),
  'vault.send': (req, ctx) => ({ transfer: vault.send(ctx.user, req) }),
  'vault.accept': (req, ctx) => ({ transfer: vault.accept(ctx.user, req) }),
  'vault.reject': (req, ctx) => ({ transfer: vault.reject(ctx.user, req) }),
});
