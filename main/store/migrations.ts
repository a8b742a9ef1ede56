import type { Migration } from './migration';
import { idempotencyMigrations } from './idempotency/migrations';
import { journalMigrations } from './journal/migrations';
import { outboxMigrations } from './outbox/migrations';
import { referenceMigrations } from './reference/migrations';
import { settingsMigrations } from './settings/migrations';
import { tillMigrations } from './till/migrations';
import { vaultMigrations } from './vault/migrations';
import { reversalMigrations } from './reversal/migrations';
import { userMigrations } from './users/migrations';
import { approvalMigrations } from './approvals/migrations';
import { comprobanteMigrations } from './comprobante/migrations';
import { remittanceMigrations } from './remittance/migrations';
import { deviceMigrations } from './devices/migrations';
import { identityMigrations } from './identity/migrations';
import { securityCodeMigrations } from './security-code/migrations';
import { tillTransferMigrations } from './till-transfer/migrations';
import { canjeMigrations } from './canje/migrations';
import { reactivationMigrations } from './reactivation/migrations';
import { chargeDifferenceMigrations } from './charge-difference/migrations';
import { fingerprintMigrations } from './fingerprint/migrations';

export type { Migration } from './migration';

/**
 * Every feature's migrations, in the order they must run. Features number their own steps (`till/002`), so
 * parallel work on two features never fights over one global number; a new feature appends its list here.
 */
export const allMigrations: readonly Migration[] = [
  ...settingsMigrations,
  ...userMigrations,
  ...idempotencyMigrations,
  ...journalMigrations,
  ...tillMigrations,
  ...vaultMigrations,
  ...outboxMigrations,
  ...referenceMigrations,
  ...comprobanteMigrations,
  ...approvalMigrations,
  ...remittanceMigrations,
  ...deviceMigrations,
  ...identityMigrations,
  ...securityCodeMigrations,
  ...reversalMigrations,
  ...tillTransferMigrations,
  ...canjeMigrations,
  ...reactivationMigrations,
  ...chargeDifferenceMigrations,
  ...fingerprintMigrations,
];
