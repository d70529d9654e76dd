import { compile } from '@baton/compiler';
import type { Diagnostic, FlowSource } from '@baton/schema';

/**
 * The same `compile()` as the server. Compile problems are data; a thrown error would be a
 * compiler bug, reported as one diagnostic instead of breaking the editor.
 */
export function safeCompile(source: FlowSource): Diagnostic[] {
  try {
    return compile(source).diagnostics;
  } catch (error) {
    return [
      {
        code: 'compiler_error',
        severity: 'error',
        message: `The compiler failed on this draft: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}
