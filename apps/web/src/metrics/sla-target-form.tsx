import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { metricsApi } from './metrics-api';

const UNITS = { minutes: 60_000, hours: 3_600_000 } as const;
type Unit = keyof typeof UNITS;

/** The flow's SLA target for Time-to-Value, in minutes or hours. */
export function SlaTargetForm({
  flowId,
  targetMs,
  editable,
  onSaved,
}: {
  flowId: string;
  targetMs: number | null;
  editable: boolean;
  onSaved: () => void;
}) {
  const initialUnit: Unit = targetMs !== null && targetMs % UNITS.hours !== 0 ? 'minutes' : 'hours';
  const [unit, setUnit] = useState<Unit>(initialUnit);
  const [value, setValue] = useState(targetMs === null ? '' : String(targetMs / UNITS[initialUnit]));
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    setError(null);
    const n = value.trim() === '' ? null : Number(value);
    if (n !== null && (!Number.isFinite(n) || n <= 0)) {
      setError('Enter a positive number, or leave it empty for no target.');
      return;
    }
    metricsApi
      .setSlaTarget(flowId, n === null ? null : n * UNITS[unit])
      .then(onSaved, (e: unknown) => setError(errorMessage(e)));
  };
  return (
    <form
      className="sla-form"
      aria-label="SLA target"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label className="field-label" htmlFor="sla-target">
        SLA target
      </label>
      <input
        id="sla-target"
        className="input input-sm"
        inputMode="decimal"
        value={value}
        disabled={!editable}
        placeholder="none"
        onChange={(e) => setValue(e.target.value)}
      />
      <select
        className="input input-sm"
        aria-label="SLA target unit"
        value={unit}
        disabled={!editable}
        onChange={(e) => setUnit(e.target.value as Unit)}
      >
        <option value="minutes">minutes</option>
        <option value="hours">hours</option>
      </select>
      <button
        type="submit"
        className="btn btn-sm"
        disabled={!editable}
        title={editable ? undefined : 'Admins and analysts set the SLA target'}
      >
        Set
      </button>
      {error ? (
        <span className="sla-form-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
