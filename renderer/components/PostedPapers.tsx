import type { TellerApi } from '../../domain/contract/client';
import { type PrintJobRef, PrintStatus } from './PrintStatus';
import { ValidationStatus } from './ValidationStatus';

/**
 * The papers a posted comprobante owes, followed on its posted screen: the receipt on the roll and, at a workstation
 * with a slip station, the validation imprint on the customer's slip (nothing shows without one).
 */
export const PostedPapers = ({ teller, printJob, validationJob }: { teller: TellerApi; printJob: PrintJobRef | null; validationJob: PrintJobRef | null | undefined }) => (
  <>
    <PrintStatus teller={teller} job={printJob} />
    <ValidationStatus teller={teller} job={validationJob} />
  </>
);
