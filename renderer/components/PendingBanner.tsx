/**
 * Central did not answer a debit's online authorization: nothing was posted and nothing may be paid. Retrying
 * reuses the comprobante's key, so central answers with the same hold and the posting can never happen twice.
 */
export const PendingBanner = ({ message, testId, onRetry }: { message: string | null; testId: string; onRetry: () => void }) =>
  message ? (
    <div className="error-banner" role="alert" data-testid={testId}>
      Pendiente de confirmación: {message}
      <div className="actions">
        {/* The focus goes here when the banner appears, so Enter retries as the message says. */}
        <button type="button" className="primary" autoFocus onClick={onRetry}>
          Reintentar <kbd>Enter</kbd>
        </button>
      </div>
    </div>
  ) : null;
