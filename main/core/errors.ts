import type { AppErrorShape } from '../../domain/contract';

/** An expected failure with a typed code and a Spanish message for the teller; crosses the contract as a value. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export const internalError = (correlationId: string): AppErrorShape => ({
  code: 'INTERNAL',
  message: `Error interno del sistema. Nada se registró a medias; intente de nuevo o informe al soporte con el código ${correlationId}.`,
  details: { correlationId },
});
