import { Link } from 'react-router';
import { BACKLOG_STATUSES, playbookApi, type BacklogItem } from './playbook-api';

/** Backlog entries ranked by frequency × impact, with their status edited in place. */
export function BacklogTable({
  items,
  editable,
  showFlow,
  onChanged,
  onError,
}: {
  items: BacklogItem[];
  editable: boolean;
  showFlow: boolean;
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  return (
    <table className="table" aria-label="Backlog">
      <thead>
        <tr>
          <th className="num">Rank</th>
          <th className="num">Score</th>
          <th>Item</th>
          {showFlow ? <th>Flow</th> : null}
          <th className="num">Frequency</th>
          <th className="num">Impact</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr
            key={item.id}
            aria-label={`Backlog item ${item.title}`}
            className={item.status === 'done' || item.status === 'dropped' ? 'risk-settled' : ''}
          >
            <td className="num">{i + 1}</td>
            <td className="num">
              <span className="risk-score">{item.score}</span>
            </td>
            <td>{item.title}</td>
            {showFlow ? (
              <td>
                <Link to={`/flows/${encodeURIComponent(item.flowId)}/playbook?tab=retro`}>{item.flowId}</Link>
              </td>
            ) : null}
            <td className="num">{item.frequency}</td>
            <td className="num">{item.impact}</td>
            <td>
              <select
                className="select input-sm"
                aria-label={`Status of ${item.title}`}
                disabled={!editable}
                value={item.status}
                onChange={(e) =>
                  void playbookApi
                    .setBacklogStatus(item.id, e.target.value as BacklogItem['status'])
                    .then(onChanged, onError)
                }
              >
                {BACKLOG_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s.replace('_', ' ')}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
