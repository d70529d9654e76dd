/// <reference lib="webworker" />
import type { FlowSource } from '@baton/schema';
import { safeCompile } from './safe-compile';

/**
 * Runs `compile()` off the main thread: on a 500-node flow a compile per edit would otherwise
 * land in the middle of a drag or a pan. Each request carries a sequence number; the editor
 * keeps only the answer to its latest request.
 */
export interface CompileRequest {
  seq: number;
  source: FlowSource;
}

self.onmessage = (event: MessageEvent<CompileRequest>) => {
  const { seq, source } = event.data;
  const started = performance.now();
  const diagnostics = safeCompile(source);
  self.postMessage({ seq, diagnostics, ms: performance.now() - started });
};
