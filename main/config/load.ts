import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CoreConfigSchema, type CoreConfig, type CoreConfigInput } from './schema';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Embedded defaults, then a JSON file named by CAJA_CONFIG, then CAJA_* variables. A bad value stops the start
 * with the field and the reason instead of running on a guess.
 */
export const loadConfig = (env: NodeJS.ProcessEnv, overrides: CoreConfigInput = {}): CoreConfig => {
  let fromFile: Record<string, unknown> = {};
  if (env.CAJA_CONFIG) {
    try {
      fromFile = JSON.parse(readFileSync(env.CAJA_CONFIG, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new ConfigError(`No se pudo leer la configuración ${env.CAJA_CONFIG}: ${(err as Error).message}`);
    }
  }
  const fromEnv: Record<string, unknown> = {};
  if (env.CAJA_DATA_DIR) fromEnv.dataDir = env.CAJA_DATA_DIR;
  if (env.CAJA_CENTRAL_URL) fromEnv.central = { url: env.CAJA_CENTRAL_URL, token: env.CAJA_CENTRAL_TOKEN };
  const merged = { ...fromFile, ...fromEnv, ...overrides };
  const parsed = CoreConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(`Configuración inválida: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
};
