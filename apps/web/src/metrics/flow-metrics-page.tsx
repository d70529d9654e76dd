import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../api/api-error';
import { flowsApi } from '../api/flows-api';
import { useCurrentUser } from '../auth/session-store';
import { EmptyState, ErrorState, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { BaselineDialog } from './baseline-dialog';
import { formatChange, formatRate, formatSpan } from './format-metrics';
import { metricsApi, metricsCsvUrl, type MetricsReport } from './metrics-api';
import { ReworkBars, SlaGauge, TtvChart, VolumeChart } from './metrics-charts';
import { PeriodPicker, periodOf } from './period-picker';
import { SlaTargetForm } from './sla-target-form';
import { TargetBadge } from './target-badge';
import './metrics.css';

function Kpi({
  label,
  value,
  baseline,
  change,
  children,
}: {
  label: string;
  value: string;
  baseline: string;
  change: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="card metrics-kpi" aria-label={label}>
      <div className="metrics-kpi-label">{label}</div>
      <div className="metrics-kpi-value">{value}</div>
      <div className="metrics-kpi-compare">
        {baseline === '—' ? (
          <span>no baseline yet</span>
        ) : (
          <>
            <span>baseline {baseline}</span>
            <span className="metrics-kpi-change">{change}</span>
          </>
        )}
      </div>
      {children}
    </div>
  );
}

function Dashboard({ report }: { report: MetricsReport }) {
  const { summary, change } = report;
  return (
    <>
      <div className="metrics-kpis">
        <Kpi
          label="Time-to-Value (p50)"
          value={formatSpan(summary.ttv.p50Ms)}
          baseline={formatSpan(summary.baseline?.ttvP50Ms)}
          change={formatChange(change.ttvP50Pct)}
        >
          <div className="metrics-kpi-foot">
            p90 {formatSpan(summary.ttv.p90Ms)} · mean {formatSpan(summary.ttv.meanMs)}
            <TargetBadge state={summary.targets.ttv} target="TTV −30%" />
          </div>
        </Kpi>
        <Kpi
          label="Rework rate"
          value={formatRate(summary.reworkRate)}
          baseline={formatRate(summary.baseline?.reworkRate)}
          change={formatChange(change.reworkPct)}
        >
          <div className="metrics-kpi-foot">
            {report.resent} re-sent after rejection
            <TargetBadge state={summary.targets.rework} target="rework halved" />
          </div>
        </Kpi>
        <div className="card metrics-kpi" aria-label="SLA adherence">
          <div className="metrics-kpi-label">SLA adherence</div>
          {summary.slaTargetMs === null ? (
            <p className="metrics-none">Set an SLA target to measure adherence.</p>
          ) : (
            <SlaGauge adherence={summary.slaAdherence} target={0.9} />
          )}
          <div className="metrics-kpi-foot">
            within {formatSpan(summary.slaTargetMs)}
            {summary.baseline?.slaAdherence != null
              ? ` · baseline ${formatRate(summary.baseline.slaAdherence)}${change.slaPct !== null ? ` (${formatChange(change.slaPct)})` : ''}`
              : ''}
            <TargetBadge state={summary.targets.sla} target="SLA adherence 90%" />
          </div>
        </div>
      </div>

      <section className="card metrics-panel" aria-label="Time-to-Value over time">
        <h2>Time-to-Value over time</h2>
        <p className="metrics-panel-hint">
          Daily p50 and p90 from entry to committed write, against the baseline and the SLA target.
        </p>
        <TtvChart
          days={report.days}
          baselineMs={summary.baseline?.ttvP50Ms ?? null}
          slaTargetMs={summary.slaTargetMs}
        />
      </section>

      <div className="metrics-grid">
        <section className="card metrics-panel" aria-label="Rework by rule">
          <h2>Rework by rule</h2>
          <ReworkBars
            label="records"
            items={report.reworkByRule.map((r) => ({ name: r.rule, count: r.count, rate: r.rate }))}
          />
        </section>
        <section className="card metrics-panel" aria-label="Rework by field">
          <h2>Rework by field</h2>
          <ReworkBars
            label="records"
            items={report.reworkByField.map((r) => ({ name: r.field, count: r.count, rate: r.rate }))}
          />
        </section>
      </div>

      <div className="metrics-grid">
        <section className="card metrics-panel" aria-label="Volume per status">
          <h2>Volume per status</h2>
          <VolumeChart days={report.days} />
        </section>
        <section className="card metrics-panel" aria-label="Top failing fields">
          <h2>Top failing fields</h2>
          {report.topFailingFields.length === 0 ? (
            <p className="metrics-none">No field failed a check in this period.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>Field</th>
                  <th>Failures</th>
                  <th>Owner</th>
                </tr>
              </thead>
              <tbody>
                {report.topFailingFields.map((f) => (
                  <tr key={f.field}>
                    <td className="mono">{f.field}</td>
                    <td>{f.count}</td>
                    <td>{f.ownerName ?? f.ownerId ?? <span className="faint">no owner</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}

/** A flow's metrics dashboard: TTV, rework and SLA adherence against the pre-pilot baseline. */
export function FlowMetricsPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const days = Number(params.get('days') ?? 30) || 30;
  const version = params.get('version') ? Number(params.get('version')) : undefined;
  const user = useCurrentUser();
  const editable = user.role === 'admin' || user.role === 'analyst';
  const [dialog, setDialog] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const period = periodOf(days);
  const flow = useAsync((signal) => flowsApi.get(id, signal), [id]);
  const report = useAsync(
    (signal) => metricsApi.report(id, { ...period, version }, signal),
    [id, period.from, period.to, version ?? null],
  );
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const clearDemo = () => {
    metricsApi.clearDemo(id).then(
      ({ removed }) => {
        setNotice(`Removed ${removed} demo records.`);
        report.reload();
      },
      (e: unknown) => setNotice(errorMessage(e)),
    );
  };

  const data = report.data;
  return (
    <div className="page metrics-page">
      <header className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/">Flows</Link> /{' '}
            <Link to={`/flows/${encodeURIComponent(id)}`}>{flow.data?.name ?? id}</Link> /{' '}
            <Link to="/metrics">Metrics</Link>
          </div>
          <h1>
            Metrics{' '}
            {data?.demo ? (
              <span
                className="badge badge-warning metrics-demo-badge"
                title="Synthetic history seeded on first start"
              >
                Demo data
              </span>
            ) : null}
          </h1>
          <p>Time-to-Value, rework and SLA adherence of this hand-off, against its pre-pilot baseline.</p>
        </div>
        <div className="metrics-actions">
          <PeriodPicker days={days} onChange={(d) => setParam('days', String(d))} />
          <select
            className="input input-sm"
            aria-label="Version"
            value={version ?? ''}
            onChange={(e) => setParam('version', e.target.value === '' ? null : e.target.value)}
          >
            <option value="">All versions</option>
            {(flow.data?.versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version} ({v.state})
              </option>
            ))}
          </select>
          <a className="btn btn-sm" href={metricsCsvUrl(id, { ...period, version })} download>
            Export CSV
          </a>
          <button
            type="button"
            className="btn btn-sm btn-primary"
            disabled={!editable}
            title={editable ? undefined : 'Admins and analysts set the baseline'}
            onClick={() => setDialog(true)}
          >
            Baseline…
          </button>
        </div>
      </header>

      <div className="metrics-bar">
        <SlaTargetForm
          key={`${id}-${data?.summary.slaTargetMs ?? 'none'}`}
          flowId={id}
          targetMs={data?.summary.slaTargetMs ?? null}
          editable={editable}
          onSaved={() => {
            setNotice('SLA target saved.');
            report.reload();
          }}
        />
        <span className="metrics-baseline-info">
          {data?.baselineInfo
            ? data.baselineInfo.source === 'csv'
              ? `Baseline: ${data.baselineInfo.recordCount} imported hand-offs`
              : 'Baseline: entered by hand'
            : 'No baseline yet'}
        </span>
        {data?.hasDemo && editable ? (
          <button type="button" className="btn btn-sm btn-ghost" onClick={clearDemo}>
            Clear demo data
          </button>
        ) : null}
      </div>
      {notice ? (
        <p className="metrics-notice" role="status">
          {notice}
        </p>
      ) : null}
      {data?.demo ? (
        <p className="metrics-demo-note" role="note">
          This period includes a synthetic 30-day demo history so the charts show real shapes. Clear it before
          the pilot starts.
        </p>
      ) : null}

      {report.status === 'error' && !data ? (
        <div className="card">
          <ErrorState title="Could not load the metrics" error={report.error} onRetry={report.reload} />
        </div>
      ) : !data ? (
        <div className="metrics-kpis" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <div key={i} className="card metrics-kpi">
              <Skeleton width="40%" />
              <Skeleton height={32} width="60%" />
              <Skeleton width="80%" />
            </div>
          ))}
        </div>
      ) : data.summary.count === 0 ? (
        <div className="card">
          <EmptyState
            icon="◔"
            title="No runs in this period yet"
            actions={
              <>
                <Link className="btn" to={`/flows/${encodeURIComponent(id)}`}>
                  Open the flow
                </Link>
                {editable ? (
                  <button type="button" className="btn btn-primary" onClick={() => setDialog(true)}>
                    {data.baselineInfo ? 'Replace the baseline' : 'Import a baseline'}
                  </button>
                ) : null}
              </>
            }
          >
            Metrics appear once the published version has handled records. Meanwhile, import the pre-pilot
            baseline so there is something to compare with.
          </EmptyState>
        </div>
      ) : (
        <Dashboard report={data} />
      )}

      {dialog ? (
        <BaselineDialog
          flowId={id}
          current={data?.summary.baseline ?? null}
          onClose={() => setDialog(false)}
          onSaved={(message) => {
            setDialog(false);
            setNotice(message);
            report.reload();
          }}
        />
      ) : null}
    </div>
  );
}
