// A service error shown as a plain-language message (role="alert"), optionally dismissible.
import type { ErrorDescription } from '../service/describeError';

interface ErrorAlertProps {
  error: ErrorDescription | null | undefined;
  onDismiss?: () => void;
}

export function ErrorAlert({ error, onDismiss }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{error.title}</p>
      {error.detail && <p className="alert-detail">{error.detail}</p>}
      {onDismiss && (
        <button type="button" className="button-link" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
