import { describe, expect, it } from 'vitest';
import { ApprovalStatusSchema } from '../approval/request';
import { ApprovalStateSchema } from '../central-api/approvals';
import { TillTransferStateSchema } from '../central-api/till-transfers';
import { JOURNAL_STATE_LABEL, JOURNAL_STATE_OPTIONS, journalStateLabel, journalStatesLike } from './state-labels';

describe('journal state labels', () => {
  it('names every stored state in Spanish words, never an internal name', () => {
    for (const label of Object.values(JOURNAL_STATE_LABEL)) {
      expect(label).toMatch(/^[A-ZÁÉÍÓÚÑ][a-záéíóúñ :]+$/);
    }
    expect(journalStateLabel('branch_mode')).toBe('Cambio de modo de la oficina');
    expect(journalStateLabel('sync_rejection_reviewed')).toBe('Rechazo de central revisado');
    expect(journalStateLabel('remesa_devuelta')).toBe('Remesa devuelta');
    expect(journalStateLabel('rehusado')).toBe('Envío rehusado');
    expect(journalStateLabel('desbloqueado')).toBe('Envíos desbloqueados');
  });

  it('covers the states of approvals, central approvals and till transfers', () => {
    for (const s of [...ApprovalStatusSchema.options, ...ApprovalStateSchema.options, ...TillTransferStateSchema.options]) {
      expect(JOURNAL_STATE_LABEL[s], s).toBeDefined();
    }
  });

  it('gives an approval decided at central the same name as a local one, and filters both under it', () => {
    expect(journalStateLabel('approved')).toBe(journalStateLabel('aprobada'));
    expect(journalStatesLike('aprobada').sort()).toEqual(['approved', 'aprobada']);
    expect(journalStatesLike('approved').sort()).toEqual(['approved', 'aprobada']);
    expect(journalStatesLike('cuadrada').sort()).toEqual(['cerrar', 'cuadrada']);
  });

  it('shows a value this build does not know as stored and filters it exactly', () => {
    expect(journalStateLabel('future_state')).toBe('future_state');
    expect(journalStatesLike('future_state')).toEqual(['future_state']);
  });

  it('offers each label once in the filter, in alphabetical order', () => {
    const labels = JOURNAL_STATE_OPTIONS.map((o) => o.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'es')));
    for (const o of JOURNAL_STATE_OPTIONS) expect(journalStateLabel(o.value)).toBe(o.label);
  });
});
