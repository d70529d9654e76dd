import type { ExecuteContext, ExecuteStep } from '../kind-definition.js';
import { readPath, rootField } from '../record/field-path.js';
import { assertJsonValue } from '../record/json-value.js';
import type { FieldMapping, MappingConfig } from './spec.js';
import { applyTransforms } from './transforms.js';

async function sourceValue(field: FieldMapping, input: Record<string, unknown>, ctx: ExecuteContext) {
  if (field.value?.kind === 'literal') return field.value.value;
  if (field.value?.kind === 'expression') {
    const value = await ctx.expressions.evaluate(field.value.source, input);
    assertJsonValue(value, `The value of "${field.to}"`);
    return value;
  }
  return field.from === undefined ? undefined : readPath(input, field.from);
}

/** Output holds the mapped fields only (plus untouched input fields with `keepUnmapped`). */
export const executeMapping: ExecuteStep<MappingConfig> = async (config, input, ctx) => {
  const output: Record<string, unknown> = {};
  if (config.keepUnmapped) {
    const consumed = new Set(config.fields.flatMap((f) => (f.from === undefined ? [] : [rootField(f.from)])));
    for (const [name, value] of Object.entries(input)) if (!consumed.has(name)) output[name] = value;
  }
  for (const field of config.fields) {
    const value = applyTransforms(await sourceValue(field, input, ctx), field.transforms);
    // A missing source with no default leaves the field out, rather than writing an explicit null.
    if (value === undefined) delete output[field.to];
    else output[field.to] = value;
  }
  // Computed fields see the mapped record (and earlier computed fields), the raw input as $input.
  for (const field of config.computed) {
    const value = await ctx.expressions.evaluate(field.expression, output, { input });
    assertJsonValue(value, `Computed field "${field.to}"`);
    if (value === undefined) delete output[field.to];
    else output[field.to] = value;
  }
  return { status: 'ok', port: 'out', output, checks: [] };
};
