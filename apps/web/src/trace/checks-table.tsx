import type { Check } from '@baton/schema';
import { StatusBadge } from '../ui/status-badge';

export function ChecksTable({ checks }: { checks: readonly Check[] }) {
  if (checks.length === 0) return <div className="checks-empty">No checks on this step.</div>;
  return (
    <table className="table checks-table" aria-label="Checks">
      <thead>
        <tr>
          <th>Result</th>
          <th>Rule</th>
          <th>Field</th>
          <th>Message</th>
          <th>Owner</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((check, i) => (
          <tr key={`${check.rule}-${check.field ?? ''}-${i}`}>
            <td>
              <StatusBadge status={check.result} />
            </td>
            <td className="mono">{check.rule}</td>
            <td className="mono">{check.field ?? '—'}</td>
            <td>{check.message ?? '—'}</td>
            <td>{check.owner ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
