import { useMemo } from 'react';
import { useEditor } from '../store/editor-store-context';
import { SeverityIcon } from '../diagnostics/severity-icon';

/** The compile problems of one node or edge, at the top of its inspector. */
export function NodeDiagnostics({ id }: { id: string }) {
  const all = useEditor((s) => s.diagnostics);
  const mine = useMemo(() => all.filter((d) => d.nodeId === id || d.edgeId === id), [all, id]);
  if (mine.length === 0) return null;
  return (
    <ul className="inspector-diagnostics" aria-label="Problems here">
      {mine.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`severity-${d.severity}`}>
          <SeverityIcon severity={d.severity} />
          <span>{d.message}</span>
        </li>
      ))}
    </ul>
  );
}
