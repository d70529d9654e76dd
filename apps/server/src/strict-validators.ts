import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { BadRequestProblem, type ProblemCode } from './problems.js';

type HttpPart = 'body' | 'params' | 'querystring' | 'headers';

/**
 * A route-level validator compiler checking request parts with TypeBox, strictly: Fastify's
 * shared Ajv coerces types and strips unknown members (right for query strings, wrong for a
 * document the user saves) and cannot compile schemas with defaults inside unions, like
 * FlowSource's contract fields. The schemas come from this closure, not from Fastify, so the
 * checks are compiled from the TypeBox originals. Params and query values arrive as strings:
 * use only string-typed schemas for those parts here.
 */
export function strictValidators(
  parts: Partial<Record<HttpPart, TSchema>>,
  codes: Partial<Record<HttpPart, ProblemCode>> = {},
): FastifySchemaCompiler<unknown> {
  return ({ httpPart }) => {
    const part = httpPart as HttpPart;
    const schema = parts[part];
    if (!schema) return () => ({ value: undefined });
    const checker = TypeCompiler.Compile(schema);
    const code = codes[part] ?? 'validation_failed';
    return (data: unknown) => {
      if (checker.Check(data)) return { value: data };
      const errors = [...checker.Errors(data)]
        .slice(0, 20)
        .map((e) => ({ in: part, path: e.path, message: e.message }));
      const first = errors[0];
      return {
        error: new BadRequestProblem(code, `${part}${first?.path ?? ''}: ${first?.message ?? 'is invalid'}`, {
          errors,
        }),
      };
    };
  };
}
