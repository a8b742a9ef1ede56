import type { Operation } from '../../domain/central-api';
import { fail, type Caller, type Failure } from './result';

/**
 * A workstation token speaks for one workstation of one branch: it may post only its own operations and
 * anchors, and read only its own branch. Checked before anything is recorded, so a refused batch leaves no key.
 */
export const ownOperations = (ops: readonly Operation[], caller: Caller): Failure | null => {
  const foreign = ops.findIndex((op) => op.branch !== caller.branch || op.workstation !== caller.workstation);
  return foreign === -1
    ? null
    : fail(403, 'FORBIDDEN', 'El lote contiene operaciones de otra estación u oficina. Cada estación envía solo las suyas.', { index: foreign });
};

export const ownWorkstation = (workstation: string, caller: Caller): Failure | null =>
  workstation === caller.workstation ? null : fail(403, 'FORBIDDEN', 'La estación solo puede enviar su propia información.');

export const sameBranch = (workstation: string, caller: Caller): Failure | null =>
  workstation.startsWith(`${caller.branch}-`) ? null : fail(403, 'FORBIDDEN', 'Solo puede consultar estaciones de su oficina.');
