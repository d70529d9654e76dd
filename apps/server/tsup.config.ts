import { cpSync, existsSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { serverBundleEntries } from './bundle-entries.js';

// Self-contained `node dist/cli.js` (a launcher and the CLI it loads, see bundle-entries.ts): workspace packages are TypeScript source, so
// they are bundled; npm dependencies (better-sqlite3 is native) stay external.
export default defineConfig({
  entry: serverBundleEntries(),
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  splitting: false,
  noExternal: [/^@baton\//],
  // Bundled CommonJS dependencies of workspace packages (yaml, via @baton/contracts) call
  // `require`, which an ES module lacks; give them one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __batonCreateRequire } from 'node:module';\nconst require = __batonCreateRequire(import.meta.url);",
  },
  async onSuccess() {
    // The first-start seed reads examples/; a copy next to the bundle lets dist/ run anywhere.
    if (existsSync('../../examples')) cpSync('../../examples', 'dist/examples', { recursive: true });
  },
});
