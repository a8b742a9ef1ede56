import { useEffect, useRef, useState, type ReactNode } from 'react';
import { shortApprovalId } from '../../domain/approval/request';
import type { ApprovalOperationInput } from '../../domain/contract/approval';
import type { TellerApi } from '../../domain/contract/client';
import type { CashDeclaration } from '../../domain/uiaf/declaration';
import { ConfirmDialog } from './ConfirmDialog';
import { DeclarationForm } from './DeclarationForm';
import { focusIsNowhere } from './focus-trap';
import { SupervisorApproval } from './SupervisorApproval';
import { approvedBySupervisor } from './supervisor-decision';
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
 * kept for the posting, but only for the operation they were given for (`subject`, the comprobante as the screen
 * would send it): any edit after them (account, amount, cash, who) asks again, as the core would refuse them.
 * A declaration asked again starts from the customer's earlier answers; the signature is confirmed anew.
 * Back to editing (Esc, or a refused posting), the focus returns to the field the teller reviewed from: a dialog
 * that unmounts leaves it on the page, where Enter and F2 reach nothing and the next Esc leaves the screen.
 */
export const useComprobanteSteps = () => {
  const [step, setStep] = useState<ComprobanteStep>('edit');
  const origin = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const o = origin.current;
    // Something that took the focus on its own (the pending banner's Reintentar) keeps it.
    if (step === 'edit' && o?.isConnected && focusIsNowhere()) o.focus();
  }, [step]);
  const [subject, setSubject] = useState<string | null>(null);
  const [approval, setApproval] = useState<{ id: string; subject: string; by: string } | null>(null);
  const [declared, setDeclared] = useState<{ value: CashDeclaration; subject: string } | null>(null);
  const route = (p: StepPlan, s: string, a: typeof approval, d: typeof declared) => {
    if (p.approvalReasons.length > 0 && a?.subject !== s) return setStep('approval');
    if (p.uiaf?.declarationRequired && d?.subject !== s) return setStep('declaration');
    setStep('confirm');
  };
  return {
    step,
    approvalId: approval && approval.subject === subject ? approval.id : null,
    /** Who approved this operation, and where when it was at a desk elsewhere, as the confirmation says it; null when it needed no approval (or changed since). */
    approvedBy: approval && approval.subject === subject ? approval.by : null,
    declaration: declared && declared.subject === subject ? declared.value : null,
    /** The last declaration taken, whatever it was for: the form asked again starts from it. */
    lastDeclaration: declared?.value ?? null,
    /** After the core's evaluation of `s` (the operation as JSON, without the declaration). */
    advance: (p: StepPlan, s: string) => {
      const a = document.activeElement;
      if (a instanceof HTMLElement && a !== document.body && !a.closest('dialog')) origin.current = a;
      setSubject(s);
      route(p, s, approval, declared);
    },
    edit: () => setStep('edit'),
    /**
     * The core said the approval no longer covers the operation (another desk paid the account meanwhile): the next
     * review asks the supervisor again, with the figures the core has now, rather than confirm under the old one.
     */
    forgetApproval: () => setApproval(null),
    approved: (p: StepPlan, id: string, by: string) => {
      if (subject === null) return;
      const a = { id, subject, by };
      setApproval(a);
      route(p, subject, a, declared);
    },
    declared: (p: StepPlan, value: CashDeclaration) => {
      if (subject === null) return;
      const d = { value, subject };
      setDeclared(d);
      route(p, subject, approval, d);
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
  declaration?: Omit<Parameters<typeof DeclarationForm>[0], 'onDone' | 'onCancel' | 'previous' | 'teller'> | null;
  confirm: { title: string; label: string; busy: boolean; onConfirm: () => void; summary: ReactNode };
}

/** The dialogs of those steps, one at a time; Esc in any of them goes back to editing the comprobante. */
export const ComprobanteStepDialogs = ({ steps, plan, teller, operation, declaration, confirm }: Props) => {
  if (!plan) return null;
  if (steps.step === 'approval' && operation) {
    return <SupervisorApproval teller={teller} operation={operation} onCancel={steps.edit} onApproved={(a, atDesk) => steps.approved(plan, a.id, approvedBySupervisor(a.checkerName ?? null, atDesk))} />;
  }
  if (steps.step === 'declaration' && declaration) {
    return <DeclarationForm {...declaration} teller={teller} previous={steps.lastDeclaration} onCancel={steps.edit} onDone={(d) => steps.declared(plan, d)} />;
  }
  if (steps.step === 'confirm') {
    return (
      <ConfirmDialog title={confirm.title} confirmLabel={confirm.label} busy={confirm.busy} onCancel={steps.edit} onConfirm={confirm.onConfirm}>
        {/* The approval was given on the step before: the confirmation says it is done, and by whom. */}
        {steps.approvalId !== null ? (
          <p className="notice" data-testid="approval-granted">
            {steps.approvedBy} · autorización {shortApprovalId(steps.approvalId)}
          </p>
        ) : null}
        {confirm.summary}
      </ConfirmDialog>
    );
  }
  return null;
};

/**
 * How long the posted screen ignores Enter after it appears. The teller confirms with Enter; a second Enter pressed
 * right behind it (a double press, a bouncing key) arrives once the posting answered and would leave the screen, or
 * retry a paper, before the teller saw the receipt or how it printed.
 */
export const POSTED_ENTER_GUARD_MS = 700;

/**
 * After posting: the sequence, what to hand the customer, the receipt; Enter starts the next operation, once the
 * screen has been on view for a moment ("Nueva operación" reads as disabled until then).
 */
export const PostedView = ({ id, title, sequence, instruction, children, onDone }: { id: string; title: string; sequence: string; instruction?: string; children: ReactNode; onDone: () => void }) => {
  const [armed, setArmed] = useState(false);
  const armedRef = useRef(false);
  useEffect(() => {
    const t = window.setTimeout(() => {
      armedRef.current = true;
      setArmed(true);
    }, POSTED_ENTER_GUARD_MS);
    return () => window.clearTimeout(t);
  }, []);
  // An Enter too early, or held down (auto-repeat), does nothing at all here: neither leaves nor retries.
  const early = (e: { key: string; repeat: boolean }) => e.key === 'Enter' && (!armedRef.current || e.repeat);
  const done = () => {
    if (armedRef.current) onDone();
  };
  // Enter with the focus nowhere (a click on the page, or a button that went away, such as a print retry that
  // succeeded) still starts the next operation: the teller never has to reach for the mouse here.
  useWindowKeyDown((e) => {
    if (e.key === 'Enter' && focusIsNowhere()) {
      e.preventDefault();
      if (!early(e)) onDone();
    }
  });
  return (
    <main
      className="screen"
      aria-labelledby={id}
      onKeyDownCapture={(e) => {
        if (!early(e)) return;
        // Before any button's own Enter (Reintentar) acts on it.
        e.preventDefault();
        e.stopPropagation();
      }}
      // Enter anywhere on this screen (the button has the focus, but a click elsewhere may have taken it).
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          done();
        }
      }}
    >
      <h1 id={id}>
        {title} · {sequence}
      </h1>
      {instruction ? <p>{instruction}</p> : null}
      {children}
      <div className="actions">
        <button type="button" className="primary" autoFocus aria-disabled={!armed} onClick={done}>
          Nueva operación <kbd>Enter</kbd>
        </button>
      </div>
    </main>
  );
};
