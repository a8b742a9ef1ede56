import type { FeatureHandlers } from '../../core/dispatcher';
import type { TillTransferService } from '../till-transfer/service';
import type { VaultService } from './service';

export const vaultHandlers = (vault: VaultService, branch: TillTransferService): FeatureHandlers<'vault'> => ({
  'vault.overview': (_req, ctx) => vault.overview(ctx.user),
  'vault.checkSend': (req, ctx) => vault.checkSend(ctx.user, req),
  'vault.send': async (req, ctx) => ({ transfer: await vault.send(ctx.user, req) }),
  'vault.accept': async (req, ctx) => ({ transfer: await vault.accept(ctx.user, req) }),
  'vault.reject': async (req, ctx) => ({ transfer: await vault.reject(ctx.user, req) }),
  'vault.tillTransfers': () => branch.list(),
  'vault.sendToTill': async (req, ctx) => ({ transfer: await branch.send(ctx.user, req) }),
  'vault.acceptTillTransfer': (req, ctx) => ({ transfer: branch.accept(ctx.user, req) }),
  'vault.rejectTillTransfer': (req, ctx) => ({ transfer: branch.reject(ctx.user, req) }),
});
