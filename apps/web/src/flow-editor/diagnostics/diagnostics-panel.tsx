import { useState } from 'react';
import type { Diagnostic } from '@baton/schema';
import { useEditor } from '../store/editor-store-context';
import { SeverityIcon } from './severity-icon';
import './diagnostics-panel.css';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export interface DiagnosticsPanelProps {
  /** Selects and centres the node or edge a diagnostic is about. */
  onReveal: (diagnostic: Diagnostic) => void;
}

export function DiagnosticsPanel({ onReveal }: DiagnosticsPanelProps) {
  const diagnostics = useEditor((s) => s.diagnostics);
  const nodes = useEditor((s) => s.source.nodes);
  const [open, setOpen] = useState(true);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const sorted = [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const labelOf = (id: string | undefined) => (id ? nodes.find((n) => n.id === id)?.label : undefined);

  return (
    <section className={`diagnostics-panel ${open ? 'is-open' : ''}`} aria-label="Problems">
      <header className="diagnostics-head">
        <button
          type="button"
          className="diagnostics-toggle"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Problems
        </button>
        <span className={`badge ${errors ? 'badge-danger' : 'badge-plain'}`} aria-label={`${errors} errors`}>
          {errors} errors
        </span>
        <span
          className={`badge ${warnings ? 'badge-warning' : 'badge-plain'}`}
          aria-label={`${warnings} warnings`}
        >
          {warnings} warnings
        </span>
      </header>
      {open ? (
        sorted.length === 0 ? (
          <div className="diagnostics-clean" role="status">
            <span className="diagnostics-check" aria-hidden="true">
              ✓
            </span>
            No problems
          </div>
        ) : (
          <ul className="diagnostics-list" aria-label="Problem list">
            {sorted.map((d, i) => {
              const target = labelOf(d.nodeId) ?? (d.edgeId ? 'connection' : undefined);
              const revealable = Boolean(d.nodeId || d.edgeId);
              return (
                <li key={`${d.code}-${d.nodeId ?? ''}-${d.edgeId ?? ''}-${i}`}>
                  <button
                    type="button"
                    className="diagnostic-row"
                    disabled={!revealable}
                    onClick={() => onReveal(d)}
                    data-code={d.code}
                  >
                    <SeverityIcon severity={d.severity} />
                    <code className="diagnostic-code">{d.code}</code>
                    <span className="diagnostic-message">{d.message}</span>
                    {target ? <span className="diagnostic-target">{target}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </section>
  );
}
