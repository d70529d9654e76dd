import { TypeCompiler } from '@sinclair/typebox/compiler';
import { FlowSource } from '@baton/schema';

const checker = TypeCompiler.Compile(FlowSource);

export interface SourceError {
  path: string;
  message: string;
}

/**
 * Strict FlowSource check: no coercion, no stripping of unknown members (unlike Fastify's
 * request Ajv), so what is saved is exactly what was sent. Reports at most `limit` errors.
 */
export function flowSourceErrors(value: unknown, limit = 20): SourceError[] {
  if (checker.Check(value)) return [];
  const errors: SourceError[] = [];
  for (const error of checker.Errors(value)) {
    errors.push({ path: error.path, message: error.message });
    if (errors.length >= limit) break;
  }
  return errors;
}

export function isFlowSource(value: unknown): value is FlowSource {
  return checker.Check(value);
}
