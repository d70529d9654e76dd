import { useState, type FormEvent } from 'react';
import { Dialog } from '../ui/dialog';
import { InlineError } from '../ui/state-views';

export interface ReasonDialogProps {
  title: string;
  description: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** Asks for the reason an action needs (reject, roll back): it goes into the audit log. */
export function ReasonDialog({
  title,
  description,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} description={description} onClose={onClose} width={480}>
      <form onSubmit={(e) => void submit(e)} style={{ display: 'contents' }}>
        <label className="field">
          <span>Reason</span>
          <textarea
            className="textarea"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
        </label>
        {error ? <InlineError error={error} /> : null}
        <div className="dialog-footer" style={{ padding: 0 }}>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
            disabled={busy || !reason.trim()}
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
