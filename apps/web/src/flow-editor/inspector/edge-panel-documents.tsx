import { useState } from 'react';
import type { Contract } from '@baton/schema';
import { ApiError } from '../../api/api-error';
import { contractsApi, type ChangeReport } from '../../owners/owners-api';
import { Section } from './form-fields';

function message(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return error instanceof Error ? error.message : String(error);
}

export function ChangeList({ report }: { report: ChangeReport }) {
  if (report.changes.length === 0) return <p className="muted">No contract changes.</p>;
  return (
    <ul className="change-list" aria-label="Contract changes">
      {report.changes.map((c, i) => (
        <li key={i} className={c.breaking ? 'is-breaking' : ''}>
          <span className={`badge ${c.breaking ? 'badge-danger' : 'badge-plain'}`}>
            {c.breaking ? 'breaking' : 'compatible'}
          </span>{' '}
          <code>{c.field ?? 'extra fields'}</code> {c.change.replace(/_/g, ' ')}
          {c.detail ? <span className="faint"> ({c.detail})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export interface ContractDocumentsProps {
  flowId: string;
  edgeId: string;
  contract: Contract | null;
  onChange: (contract: Contract) => void;
}

/** Infer from a sample, export/import (JSON Schema, ODCS) and the change against the published version. */
export function ContractDocuments({ flowId, edgeId, contract, onChange }: ContractDocumentsProps) {
  const [sample, setSample] = useState('');
  const [importText, setImportText] = useState('');
  const [format, setFormat] = useState<'odcs' | 'json-schema'>('odcs');
  const [preview, setPreview] = useState<{ contract: Contract; report: ChangeReport } | null>(null);
  const [changes, setChanges] = useState<{ against: number | null; report: ChangeReport } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const infer = async () => {
    setError(null);
    try {
      const parsed: unknown = JSON.parse(sample);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('the sample must be a JSON object');
      const inferred = (await contractsApi.infer(parsed as Record<string, unknown>)).contract;
      // Fields already agreed stay as they are; only new names are added.
      const current = contract ?? { fields: [], extraFields: 'drop' as const };
      const names = new Set(current.fields.map((f) => f.name));
      onChange({
        ...current,
        fields: [...current.fields, ...inferred.fields.filter((f) => !names.has(f.name))],
      });
      setSample('');
    } catch (e) {
      setError(`Infer: ${message(e)}`);
    }
  };
  const previewImport = async () => {
    setError(null);
    try {
      setPreview(
        await contractsApi.importPreview(
          flowId,
          edgeId,
          format,
          format === 'odcs' ? importText : (JSON.parse(importText) as unknown),
        ),
      );
    } catch (e) {
      setPreview(null);
      setError(`Import: ${message(e)}`);
    }
  };

  return (
    <Section title="Documents">
      <div className="field">
        <label htmlFor={`sample-${edgeId}`}>Infer from sample</label>
        <textarea
          id={`sample-${edgeId}`}
          className="textarea mono"
          rows={3}
          placeholder='{"order_id": "SO-10042", "total": 12.5}'
          value={sample}
          onChange={(e) => setSample(e.target.value)}
        />
        <button type="button" className="btn btn-sm" disabled={!sample.trim()} onClick={() => void infer()}>
          Infer fields
        </button>
      </div>
      <div className="doc-links">
        <span className="field-hint">Export (saved draft):</span>
        <a className="btn btn-sm" href={contractsApi.exportUrl(flowId, edgeId, 'json-schema')} download>
          JSON Schema
        </a>
        <a className="btn btn-sm" href={contractsApi.exportUrl(flowId, edgeId, 'odcs')} download>
          ODCS YAML
        </a>
      </div>
      <div className="field">
        <label htmlFor={`import-${edgeId}`}>Import</label>
        <select
          className="select input-sm"
          aria-label="Import format"
          value={format}
          onChange={(e) => setFormat(e.target.value as 'odcs' | 'json-schema')}
        >
          <option value="odcs">ODCS v3 YAML</option>
          <option value="json-schema">JSON Schema</option>
        </select>
        <textarea
          id={`import-${edgeId}`}
          className="textarea mono"
          rows={3}
          value={importText}
          onChange={(e) => setImportText(e.target.value)}
        />
        <button
          type="button"
          className="btn btn-sm"
          disabled={!importText.trim()}
          onClick={() => void previewImport()}
        >
          Preview import
        </button>
      </div>
      {preview ? (
        <div className="doc-preview" aria-label="Import preview">
          <p>
            {preview.contract.fields.length} fields; {preview.report.breaking ? 'breaking' : 'compatible'}{' '}
            against this edge.
          </p>
          <ChangeList report={preview.report} />
          <button
            type="button"
            className="btn btn-sm btn-primary"
            onClick={() => {
              onChange(preview.contract);
              setPreview(null);
              setImportText('');
            }}
          >
            Apply import
          </button>
        </div>
      ) : null}
      <div className="doc-links">
        <button
          type="button"
          className="btn btn-sm"
          onClick={() =>
            void contractsApi
              .changes(flowId, edgeId)
              .then(setChanges, (e: unknown) => setError(`Changes: ${message(e)}`))
          }
        >
          Compare with published
        </button>
      </div>
      {changes ? (
        <div aria-label="Changes against the published version">
          <p className="field-hint">
            {changes.against === null
              ? 'Nothing published yet: every field is new.'
              : `Saved draft vs version ${changes.against}:`}
          </p>
          <ChangeList report={changes.report} />
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Section>
  );
}
