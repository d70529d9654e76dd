import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { formatChange, formatRate, formatSpan } from './format-metrics';
import { metricsApi } from './metrics-api';
import { PeriodPicker, periodOf } from './period-picker';
import { TargetBadge } from './target-badge';
import './metrics.css';

/** Every hand-off on one page: its three metrics against its baseline and the playbook targets. */
export function PortfolioPage() {
  const [params, setParams] = useSearchParams();
  const days = Number(params.get('days') ?? 30) || 30;
  const period = periodOf(days);
  const portfolio = useAsync((signal) => metricsApi.portfolio(period, signal), [period.from, period.to]);
  const items = portfolio.data?.items;
  return (
    <div className="page metrics-page">
      <header className="page-header">
        <div>
          <h1>Portfolio</h1>
          <p>One row per hand-off: Time-to-Value, rework and SLA adherence against the pre-pilot baseline.</p>
        </div>
        <PeriodPicker days={days} onChange={(d) => setParams({ days: String(d) }, { replace: true })} />
      </header>
      <div className="card">
        {portfolio.status === 'error' && !items ? (
          <ErrorState
            title="Could not load the portfolio"
            error={portfolio.error}
            onRetry={portfolio.reload}
          />
        ) : !items ? (
          <div className="metrics-table-loading" aria-busy="true">
            <Skeleton />
            <Skeleton />
            <Skeleton />
          </div>
        ) : items.length === 0 ? (
          <EmptyState
            icon="◇"
            title="No flows yet"
            actions={
              <Link className="btn" to="/">
                Go to flows
              </Link>
            }
          >
            Create a flow and publish it; its metrics show here.
          </EmptyState>
        ) : (
          <table className="table metrics-portfolio">
            <thead>
              <tr>
                <th>Hand-off</th>
                <th>Records</th>
                <th>TTV p50</th>
                <th>vs baseline</th>
                <th>Rework</th>
                <th>vs baseline</th>
                <th>SLA adherence</th>
                <th>vs baseline</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.flowId}>
                  <td>
                    <Link to={`/flows/${encodeURIComponent(row.flowId)}/metrics`}>{row.name}</Link>
                    {row.demo ? (
                      <span className="badge badge-warning metrics-demo-badge">Demo data</span>
                    ) : null}
                  </td>
                  <td>{row.count}</td>
                  <td>{formatSpan(row.ttvP50Ms)}</td>
                  <td>
                    <span className="metrics-change">{formatChange(row.change.ttvP50Pct)}</span>
                    <TargetBadge state={row.targets.ttv} target="TTV −30%" />
                  </td>
                  <td>{formatRate(row.reworkRate)}</td>
                  <td>
                    <span className="metrics-change">{formatChange(row.change.reworkPct)}</span>
                    <TargetBadge state={row.targets.rework} target="rework halved" />
                  </td>
                  <td>{formatRate(row.slaAdherence)}</td>
                  <td>
                    <span className="metrics-change">{formatChange(row.change.slaPct)}</span>
                    <TargetBadge state={row.targets.sla} target="SLA adherence 90%" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
