import { Editor } from '@monaco-editor/react';
// Configures the bundled Monaco (no CDN) and its workers; shared with the JSON editors' chunk.
import '../monaco/monaco-setup';
import 'monaco-editor/languages/definitions/markdown/register';

export interface MarkdownEditorProps {
  value: string;
  onChange: (value: string) => void;
  ariaLabel: string;
  height?: number | string;
}

/** Monaco with markdown highlighting; load it through `LazyMarkdownEditor`. */
export function MarkdownEditor({ value, onChange, ariaLabel, height = 360 }: MarkdownEditorProps) {
  return (
    <Editor
      height={height}
      defaultLanguage="markdown"
      language="markdown"
      path="inmemory://baton/runbook.md"
      value={value}
      theme="vs"
      onChange={(next) => onChange(next ?? '')}
      loading={<div className="editor-loading">Loading editor…</div>}
      options={{
        ariaLabel,
        minimap: { enabled: false },
        fontSize: 13,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        wordWrap: 'on',
        automaticLayout: true,
        fixedOverflowWidgets: true,
        editContext: false,
      }}
    />
  );
}
