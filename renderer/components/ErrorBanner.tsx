/** A teller-facing error: what happened and what to do next (the message comes from the core in Spanish). */
export const ErrorBanner = ({ message }: { message: string | null }) =>
  message ? (
    <div className="error-banner" role="alert">
      {message}
    </div>
  ) : null;
