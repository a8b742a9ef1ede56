import type { FeatureHandlers } from '../../core/dispatcher';
import type { ReceiptService } from './service';

export const receiptHandlers = (receipt: ReceiptService): FeatureHandlers<'receipt'> => ({
  'receipt.get': (req) => receipt.get(req.sequence),
});
