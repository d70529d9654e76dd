import { Spinner } from '../ui/state-views';

/** Shown while a playbook page's chunk loads (it carries recharts, marked and DOMPurify). */
export function PlaybookFallback() {
  return (
    <div className="state-view">
      <Spinner label="Loading the playbook" />
      <span>Loading the playbook…</span>
    </div>
  );
}
