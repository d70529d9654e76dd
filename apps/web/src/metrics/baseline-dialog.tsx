import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { Dialog } from '../ui/dialog';
import { csvLineErrors, metricsApi, type CsvLineError, type Figures } from './metrics-api';

const HOUR = 3_600_000;

/** Import the pre-pilot baseline as a CSV of historical hand-offs, or enter its three figures. */
export function BaselineDialog({
  flowId,
  current,
  onClose,
  onSaved,
}: {
  flowId: string;
  current: Figures | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [mode, setMode] = useState<'csv' | 'manual'>('csv');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<CsvLineError[]>([]);
  const [ttvHours, setTtvHours] = useState(current?.ttvP50Ms != null ? String(current.ttvP50Ms / HOUR) : '');
  const [rework, setRework] = useState(
    current?.reworkRate != null ? String(Math.round(current.reworkRate * 100)) : '',
  );
  const [sla, setSla] = useState(
    current?.slaAdherence != null ? String(Math.round(current.slaAdherence * 100)) : '',
  );

  const fail = (err: unknown) => {
    setError(errorMessage(err));
    setLines(csvLineErrors(err));
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    setLines([]);
    try {
      if (mode === 'csv') {
        if (!file) throw new Error('Choose a CSV file first.');
        const { imported } = await metricsApi.importBaseline(flowId, file);
        onSaved(`Imported ${imported} historical hand-offs as the baseline.`);
      } else {
        const number = (text: string) => (text.trim() === '' ? null : Number(text));
        const figures = {
          ttvP50Ms: number(ttvHours) === null ? null : number(ttvHours)! * HOUR,
          reworkRate: number(rework) === null ? null : number(rework)! / 100,
          slaAdherence: number(sla) === null ? null : number(sla)! / 100,
        };
        if (Object.values(figures).some((v) => v !== null && (!Number.isFinite(v) || v < 0)))
          throw new Error('Enter positive numbers (or leave a figure empty).');
        await metricsApi.setManualBaseline(flowId, figures);
        onSaved('Saved the baseline figures.');
      }
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Pre-pilot baseline"
      description="The hand-off as it was before the pilot: live figures are compared with it."
      onClose={onClose}
      width={560}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
            {mode === 'csv' ? 'Import CSV' : 'Save figures'}
          </button>
        </>
      }
    >
      <div className="baseline-modes" role="radiogroup" aria-label="Baseline source">
        <label>
          <input type="radio" name="baseline-mode" checked={mode === 'csv'} onChange={() => setMode('csv')} />{' '}
          Import a CSV
        </label>
        <label>
          <input
            type="radio"
            name="baseline-mode"
            checked={mode === 'manual'}
            onChange={() => setMode('manual')}
          />{' '}
          Enter the figures
        </label>
      </div>
      {mode === 'csv' ? (
        <div className="field">
          <label className="field-label" htmlFor="baseline-file">
            CSV of historical hand-offs
          </label>
          <input
            id="baseline-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <span className="field-hint">
            Columns <code>record_key, entered_at, completed_at, reworked</code> (yes/no), one row per
            hand-off. It replaces the current baseline.
          </span>
        </div>
      ) : (
        <div className="baseline-figures">
          <label className="field">
            <span className="field-label">Time-to-Value p50 (hours)</span>
            <input
              className="input"
              inputMode="decimal"
              value={ttvHours}
              onChange={(e) => setTtvHours(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">Rework rate (%)</span>
            <input
              className="input"
              inputMode="decimal"
              value={rework}
              onChange={(e) => setRework(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">SLA adherence (%)</span>
            <input
              className="input"
              inputMode="decimal"
              value={sla}
              onChange={(e) => setSla(e.target.value)}
            />
          </label>
        </div>
      )}
      {error ? (
        <div className="inline-error baseline-error" role="alert">
          <strong aria-hidden="true">!</strong>
          <div>
            <span>{error}</span>
            {lines.length > 0 ? (
              <ul className="baseline-lines">
                {lines.map((l) => (
                  <li key={`${l.line}-${l.message}`}>
                    <span className="mono">line {l.line}</span>: {l.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
