import * as monaco from 'monaco-editor/editor/editor.api';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
// The editor API alone has no contributions; these are the ones a JSON editor needs. Importing
// `monaco-editor` whole would pull every language and TypeScript's worker into the build.
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
// Monaco 0.56+ moved its workers: these are the paths that exist (the old esm/vs/... ones break
// `vite build`). Vite bundles them as local worker chunks; nothing comes from a CDN.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';
import flowSourceSchema from '@baton/schema/generated/flow-source.schema.json';
import { FLOW_SOURCE_MODEL_URI } from './model-uris';

self.MonacoEnvironment = {
  // Every label needs a worker: JSON gets its language worker, everything else the base one.
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [
    {
      uri: 'https://baton.dev/schema/flow-source.json',
      fileMatch: [FLOW_SOURCE_MODEL_URI],
      schema: flowSourceSchema as object,
    },
  ],
});

// @monaco-editor/react would otherwise fetch Monaco from a CDN.
loader.config({ monaco });

export { monaco };
