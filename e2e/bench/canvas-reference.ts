import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import type { FlowSource } from '../../packages/schema/src/index.ts';

/**
 * Calibration for the frame-cost rows: the large flow in bare React Flow (reference-flow-page.ts),
 * built with the workspace's own Vite and React Flow (apps/web's node_modules, the versions Baton
 * ships) into a temporary folder, and served to the page through Playwright routing (no server, no
 * port). The bench plays the very same gestures on it, with `onlyRenderVisibleElements` on and off.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const WEB_MODULES = join(ROOT, 'apps/web/node_modules');
/** Never resolved: Playwright answers every request to it from the built folder. */
export const REFERENCE_ORIGIN = 'http://reference.bench.invalid';

interface ViteBuild {
  build(config: Record<string, unknown>): Promise<unknown>;
}

/** The graph as React Flow's default nodes and edges, at the large flow's positions. */
function referenceFlow(source: FlowSource) {
  return {
    nodes: source.nodes.map((node) => ({
      id: node.id,
      position: source.layout.nodes[node.id] ?? { x: 0, y: 0 },
      data: { label: node.label },
    })),
    edges: source.edges.map((edge) => ({ id: edge.id, source: edge.source.node, target: edge.target.node })),
  };
}

export interface ReferencePage {
  dir: string;
  dispose(): void;
}

export async function buildReferencePage(source: FlowSource): Promise<ReferencePage> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-reference-'));
  const vite = (await import(pathToFileURL(join(WEB_MODULES, 'vite/dist/node/index.js')).href)) as ViteBuild;
  await vite.build({
    configFile: false,
    // Root: the entry's folder (the output goes elsewhere). Errors only: React Flow's "use client"
    // directive makes the bundler warn on every build.
    root: import.meta.dirname,
    logLevel: 'error',
    mode: 'production',
    // apps/web's copies: the bench folder cannot resolve them, and React must be one instance.
    resolve: {
      alias: {
        '@xyflow/react': join(WEB_MODULES, '@xyflow/react'),
        'react-dom': join(WEB_MODULES, 'react-dom'),
        react: join(WEB_MODULES, 'react'),
      },
    },
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'esnext',
      rollupOptions: {
        input: join(import.meta.dirname, 'reference-flow-page.ts'),
        output: { entryFileNames: 'page.js', format: 'es' },
      },
    },
  });
  copyFileSync(join(WEB_MODULES, '@xyflow/react/dist/style.css'), join(dir, 'style.css'));
  writeFileSync(join(dir, 'flow.json'), JSON.stringify(referenceFlow(source)));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Bare React Flow</title>' +
      '<link rel="stylesheet" href="./style.css"><script type="module" src="./page.js"></script>' +
      '</head><body style="margin:0"><div id="root"></div></body></html>',
  );
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the reference page with Baton's canvas rectangle; resolves once nodes are drawn. */
export async function openReferencePage(
  page: Page,
  reference: ReferencePage,
  options: { visibleOnly: boolean; rect: { x: number; y: number; width: number; height: number } },
): Promise<void> {
  await page.route(`${REFERENCE_ORIGIN}/**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice(1) || 'index.html';
    return route.fulfill({ path: join(reference.dir, file) });
  });
  const { rect } = options;
  const query = new URLSearchParams({
    visible: options.visibleOnly ? '1' : '0',
    left: String(rect.x),
    top: String(rect.y),
    width: String(rect.width),
    height: String(rect.height),
  });
  await page.goto(`${REFERENCE_ORIGIN}/index.html?${query.toString()}`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.unrouteAll();
}
