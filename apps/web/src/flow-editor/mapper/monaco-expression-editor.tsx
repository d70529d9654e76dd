import { useEffect } from 'react';
import { Editor } from '@monaco-editor/react';
import { monaco } from '../../monaco/monaco-setup';

export interface MonacoExpressionEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Field names offered by completion (the mapping's source fields). */
  fields: readonly string[];
  /** Unique per line, e.g. the node id and target; names the Monaco model. */
  modelKey: string;
  ariaLabel: string;
}

const LANGUAGE = 'jsonata';

/** Completion reads the fields of the model asking, so two open editors never mix their lists. */
const fieldsByModel = new Map<string, readonly string[]>();

/** Functions worth offering first in a mapping; JSONata has many more and all of them work. */
const FUNCTIONS = [
  'string',
  'number',
  'uppercase',
  'lowercase',
  'trim',
  'substring',
  'substringBefore',
  'substringAfter',
  'replace',
  'join',
  'split',
  'round',
  'exists',
  'now',
  'toMillis',
  'fromMillis',
  'isDate',
  'isEmail',
];

let registered = false;

function registerJsonata(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: LANGUAGE });
  monaco.languages.setMonarchTokensProvider(LANGUAGE, {
    tokenizer: {
      root: [
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/`[^`]*`/, 'variable'],
        [/\$[A-Za-z_]\w*/, 'keyword'],
        [/\b(and|or|in|true|false|null|function)\b/, 'keyword'],
        [/-?\d+(\.\d+)?/, 'number'],
        [/[A-Za-z_]\w*/, 'identifier'],
      ],
    },
  });
  monaco.languages.registerCompletionItemProvider(LANGUAGE, {
    triggerCharacters: ['$'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const before = model.getValueInRange({ ...range, startColumn: Math.max(1, word.startColumn - 1) });
      const afterDollar = before.startsWith('$');
      const fields = fieldsByModel.get(model.uri.toString()) ?? [];
      const fieldItems = afterDollar
        ? []
        : fields.map((name) => ({
            label: name,
            kind: monaco.languages.CompletionItemKind.Field,
            detail: 'source field',
            // Names JSONata cannot read bare (spaces, dashes) go in backticks.
            insertText: /^[A-Za-z_]\w*$/.test(name) ? name : `\`${name}\``,
            sortText: `0${name}`,
            range,
          }));
      const functionItems = FUNCTIONS.map((name) => ({
        label: afterDollar ? name : `$${name}`,
        kind: monaco.languages.CompletionItemKind.Function,
        detail: 'JSONata function',
        insertText: afterDollar ? `${name}($0)` : `$${name}($0)`,
        insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
        sortText: `1${name}`,
        range,
      }));
      return { suggestions: [...fieldItems, ...functionItems] };
    },
  });
}

/** A one-expression Monaco editor with completion of the mapping's source field names. */
export function MonacoExpressionEditor({
  value,
  onChange,
  fields,
  modelKey,
  ariaLabel,
}: MonacoExpressionEditorProps) {
  registerJsonata();
  const path = `inmemory://baton/mapper/${encodeURIComponent(modelKey)}.jsonata`;
  useEffect(() => {
    const uri = monaco.Uri.parse(path).toString();
    fieldsByModel.set(uri, fields);
    return () => {
      fieldsByModel.delete(uri);
    };
  }, [path, fields]);
  return (
    <div className="mapper-expression">
      <Editor
        height={96}
        language={LANGUAGE}
        path={path}
        value={value}
        theme="vs"
        onChange={(next) => onChange(next ?? '')}
        loading={<div className="editor-loading">Loading editor…</div>}
        options={{
          ariaLabel,
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          fontSize: 12.5,
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          automaticLayout: true,
          renderLineHighlight: 'none',
          fixedOverflowWidgets: true,
          quickSuggestions: true,
          suggestOnTriggerCharacters: true,
          overviewRulerLanes: 0,
          // A real <textarea>: the editor's own shortcut handlers treat it as a text field.
          editContext: false,
        }}
      />
    </div>
  );
}
