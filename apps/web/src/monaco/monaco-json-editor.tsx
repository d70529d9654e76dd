import { Editor, type OnMount } from '@monaco-editor/react';
import { monaco } from './monaco-setup';

export interface MonacoJsonEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Model URI; the flow-source URI turns on schema validation. */
  path: string;
  ariaLabel: string;
  height?: number | string;
  readOnly?: boolean;
  /** Number of error markers (syntax or schema), after Monaco's async validation. */
  onErrorCount?: (count: number) => void;
  onMount?: OnMount;
}

/** A Monaco JSON editor; loaded lazily (see `lazy-json-editor.tsx`) so the main chunk stays small. */
export function MonacoJsonEditor({
  value,
  onChange,
  path,
  ariaLabel,
  height = '100%',
  readOnly,
  onErrorCount,
  onMount,
}: MonacoJsonEditorProps) {
  return (
    <Editor
      height={height}
      defaultLanguage="json"
      language="json"
      path={path}
      value={value}
      theme="vs"
      onChange={(next) => onChange(next ?? '')}
      onMount={onMount}
      onValidate={(markers) =>
        onErrorCount?.(markers.filter((m) => m.severity === monaco.MarkerSeverity.Error).length)
      }
      loading={<div className="editor-loading">Loading editor…</div>}
      options={{
        ariaLabel,
        readOnly: readOnly ?? false,
        minimap: { enabled: false },
        fontSize: 12.5,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        tabSize: 2,
        automaticLayout: true,
        wordWrap: 'on',
        renderLineHighlight: 'line',
        fixedOverflowWidgets: true,
        // A real <textarea> instead of Chromium's EditContext: React Flow's and our own shortcut
        // handlers recognise it as a text field and leave its keys (Space, Delete, Ctrl+Z) alone.
        editContext: false,
      }}
    />
  );
}
