/** Who took a cheque of the branch's list: another workstation by its id, this one as "Esta". */
export const takenAtText = (takenAt: string | undefined): string => takenAt ?? 'Esta';

/**
 * Central did not answer the list: it holds only the cheques this workstation took, and what other workstations did
 * with them since is not known yet. Said, so the teller does not take a missing cheque for a lost one.
 */
export const BranchWideNotice = ({ branchWide, testId }: { branchWide: boolean | null; testId: string }) =>
  branchWide === false ? (
    <p className="notice" role="status" data-testid={testId}>
      Sin conexión con central: la lista muestra solo los cheques recibidos en esta estación hasta que central responda (F5 actualiza).
    </p>
  ) : null;
