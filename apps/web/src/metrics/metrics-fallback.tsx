import { Spinner } from '../ui/state-views';

/** Shown while the metrics chunk (with recharts) loads. */
export function MetricsFallback() {
  return (
    <div className="state-view">
      <Spinner label="Loading the metrics" />
      <span>Loading the metrics…</span>
    </div>
  );
}
