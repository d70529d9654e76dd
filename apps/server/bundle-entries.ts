import { join } from 'node:path';

/**
 * The server bundle's entries: the launcher `cli.js` and the CLI it loads, `cli-main.js`
 * (src/cli.ts says why they are two files). Every bundle of the server (tsup.config.ts, the
 * benches, the cluster test) uses these, so `node <dir>/cli.js` finds its `cli-main.js`.
 */
export function serverBundleEntries(serverDir = '.'): Record<string, string> {
  return { cli: join(serverDir, 'src/cli.ts'), 'cli-main': join(serverDir, 'src/cli-main.ts') };
}
