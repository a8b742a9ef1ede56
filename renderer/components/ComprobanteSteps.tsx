import { useState, type ReactNode } from 'react';
import type { ApprovalOperationInput } from '../../domain/contract/approval';
import type { TellerApi } from '../../domain/contract/client';
import type { CashDeclaration } from '../../domain/uiaf/declaration';
import { ConfirmDialog } from './ConfirmDialog';
import { DeclarationForm } from './DeclarationForm';
import { SupervisorApproval } from './SupervisorApproval';
import { useWindowKeyDown } from './useWindowKeyDown';

export type ComprobanteStep = 'edit' | 'approval' | 'declaration' | 'confirm';

/** What the core's evaluation says the comprobante still needs before it can be confirmed. */
export interface StepPlan {
  approvalReasons: readonly unknown[];
  /** Absent where no cash moves (transfers): no UIAF declaration then. */
  uiaf?: { declarationRequired: boolean };
}

/**
 * The order every Comprobante Único screen follows after the core evaluates it: supervisor approval when the
 * plan lists reasons, the UIAF declaration when the cash requires it, then the confirmation. Both answers are
 * kept for the posting; a new account lookup forgets the approval (it was for another operation).
 */
export const useComprobanteSteps = () => {
  const [step, setStep] = useState<ComprobanteStep>('edit');
  const [approvalId, setApprovalId] = useState<string | null>(null);
  const [declaration, setDeclaration] = useState<CashDeclaration | null>(null);
  const advance = (p: StepPlan, approved: string | null = approvalId, decl: CashDeclaration | null = declaration) => {
    if (p.approvalReasons.length > 0 && approved === null) return setStep('approval');
    if (p.uiaf?.declarationRequired && decl === null) return setStep('declaration');
    setStep('confirm');
  };
  return {
    step,
    approvalId,
    declaration,
    advance,
    edit: () => setStep('edit'),
    forgetApproval: () => setApprovalId(null),
    approved: (p: StepPlan, id: string) => {
      setApprovalId(id);
      advance(p, id, declaration);
    },
    declared: (p: StepPlan, d: CashDeclaration) => {
      setDeclaration(d);
      advance(p, approvalId, d);
    },
  };
};
export type ComprobanteSteps = ReturnType<typeof useComprobanteSteps>;

interface Props {
  steps: ComprobanteSteps;
  plan: StepPlan | null;
  teller: TellerApi;
  /** The operation the supervisor approves: the same one that will be posted. Null while it is incomplete. */
  operation: ApprovalOperationInput | null;
  /** The UIAF declaration's fixed fields, when the screen moves cash. */
  declaration?: Omit<Parameters<typeof DeclarationForm>[0], 'onDone' | 'onCancel'> | null;
  confirm: { title: string; label: string; busy: boolean; onConfirm: () => void; summary: ReactNode };
}

/** The dialogs of those steps, one at a time; Esc in any of them goes back to editing the comprobante. */
export const ComprobanteStepDialogs = ({ steps, plan, teller, operation, declaration, confirm }: Props) => {
  if (!plan) return null;
  if (steps.step === 'approval' && operation) {
    return <SupervisorApproval teller={teller} operation={operation} onCancel={steps.edit} onApproved={(id) => steps.approved(plan, id)} />;
  }
  if (steps.step === 'declaration' && declaration) {
    return <DeclarationForm {...declaration} onCancel={steps.edit} onDone={(d) => steps.declared(plan, d)} />;
  }
  if (steps.step === 'confirm') {
    return (
      <ConfirmDialog title={confirm.title} confirmLabel={confirm.label} busy={confirm.busy} onCancel={steps.edit} onConfirm={confirm.onConfirm}>
        {confirm.summary}
      </ConfirmDialog>
    );
  }
  return null;
};

/** After posting: the sequence, what to hand the customer, the receipt; Enter starts the next operation. */
export const PostedView = ({ id, title, sequence, instruction, children, onDone }: { id: string; title: string; sequence: string; instruction?: string; children: ReactNode; onDone: () => void }) => {
  // Enter with the focus nowhere (a click on the page, or a button that went away, such as a print retry that
  // succeeded) still starts the next operation: the teller never has to reach for the mouse here.
  useWindowKeyDown((e) => {
    if (e.key === 'Enter' && (document.activeElement === document.body || document.activeElement === null)) {
      e.preventDefault();
      onDone();
    }
  });
  return (
    <main
      className="screen"
      aria-labelledby={id}
      // Enter anywhere on this screen (the button has the focus, but a click elsewhere may have taken it).
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <h1 id={id}>
        {title} · {sequence}
      </h1>
      {instruction ? <p>{instruction}</p> : null}
      {children}
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={onDone}>
          Nueva operación <kbd>Enter</kbd>
        </button>
      </div>
    </main>
  );
};
