import { useState } from 'react';
import type { FlowSource } from '@baton/schema';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import { replaceSource } from '../commands/source-commands';
import { LazyJsonEditor } from '../../monaco/lazy-json-editor';
import { FLOW_SOURCE_MODEL_URI } from '../../monaco/model-uris';
import './json-view.css';

const pretty = (source: FlowSource) => `${JSON.stringify(source, null, 2)}\n`;

/**
 * The draft as JSON, validated by Monaco against the generated FlowSource schema. Edits stay
 * local until "Apply", which replaces the draft with one command (one undo entry).
 */
export function JsonView() {
  const store = useEditorStoreApi();
  const source = useEditor((s) => s.source);
  const [text, setText] = useState(() => pretty(source));
  const [dirty, setDirty] = useState(false);
  const [schemaErrors, setSchemaErrors] = useState(0);

  // Follow the draft (undo, redo) while the user has nothing pending here.
  const [seen, setSeen] = useState(source);
  if (seen !== source) {
    setSeen(source);
    if (!dirty) setText(pretty(source));
  }

  const parsed = parseSource(text);
  const problem = !dirty
    ? null
    : 'error' in parsed
      ? parsed.error
      : schemaErrors > 0
        ? `${schemaErrors} schema problem(s): see the marked lines`
        : null;

  const apply = () => {
    if ('error' in parsed || schemaErrors > 0) return;
    store.getState().perform(replaceSource, { source: parsed.source });
    setText(pretty(parsed.source));
    setDirty(false);
  };

  return (
    <section className="json-view" aria-label="JSON view">
      <div className="json-view-bar">
        <span className="json-view-status" role="status">
          {!dirty ? (
            'In sync with the canvas'
          ) : problem ? (
            <span className="json-view-problem">{problem}</span>
          ) : (
            'Valid: apply to update the draft'
          )}
        </span>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!dirty}
          onClick={() => {
            setText(pretty(store.getState().source));
            setDirty(false);
          }}
        >
          Revert
        </button>
        <button
          type="button"
          className="btn btn-sm btn-primary"
          disabled={!dirty || problem !== null}
          onClick={apply}
        >
          Apply JSON
        </button>
      </div>
      <div className="json-view-editor">
        <LazyJsonEditor
          path={FLOW_SOURCE_MODEL_URI}
          ariaLabel="Flow source JSON"
          value={text}
          onChange={(next) => {
            setText(next);
            setDirty(next !== pretty(store.getState().source));
          }}
          onErrorCount={setSchemaErrors}
        />
      </div>
    </section>
  );
}

/** JSON.parse plus the top-level shape; Monaco's schema markers check the rest. */
export function parseSource(text: string): { source: FlowSource } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'The draft must be a JSON object' };
  const v = value as Record<string, unknown>;
  if (v['schemaVersion'] !== 1) return { error: 'schemaVersion must be 1' };
  if (!Array.isArray(v['nodes']) || !Array.isArray(v['edges']))
    return { error: 'nodes and edges must be arrays' };
  const layout = v['layout'] as Record<string, unknown> | undefined;
  if (
    typeof layout !== 'object' ||
    layout === null ||
    typeof layout['nodes'] !== 'object' ||
    layout['nodes'] === null
  ) {
    return { error: 'layout.nodes must be an object' };
  }
  if (typeof v['meta'] !== 'object' || v['meta'] === null) return { error: 'meta must be an object' };
  return { source: value as FlowSource };
}
