import type { ExecuteContext, ExecuteStep } from '../kind-definition.js';
import { isRecordObject, readPath, rootField } from '../record/field-path.js';
import { assertJsonValue } from '../record/json-value.js';
import type { FieldMapping, MappingConfig } from './spec.js';
import { applyTransforms, compileTransforms } from './transforms.js';

type PlainMapping = (input: Record<string, unknown>) => Record<string, unknown>;

/**
 * A mapping without JSONata (no expression values, no computed fields) compiled once per config
 * object into a plain synchronous function: paths split once, transforms bound once, no await
 * per field. A published plan hands the same config object to every record, so the WeakMap hit
 * is the common case; `null` marks a config that needs the general (JSONata) path.
 */
const plainMappings = new WeakMap<MappingConfig, PlainMapping | null>();

function readerOf(path: string): (input: Record<string, unknown>) => unknown {
  if (!path.includes('.')) return (input) => (Object.hasOwn(input, path) ? input[path] : undefined);
  return (input) => readPath(input, path);
}

function compilePlain(config: MappingConfig): PlainMapping | null {
  if (config.computed.length > 0 || config.fields.some((f) => f.value?.kind === 'expression')) return null;
  const fields = config.fields.map((field) => {
    const transform = compileTransforms(field.transforms);
    if (field.value?.kind === 'literal') {
      const literal = field.value.value;
      return { to: field.to, value: () => transform(literal) };
    }
    const read = field.from === undefined ? () => undefined : readerOf(field.from);
    return { to: field.to, value: (input: Record<string, unknown>) => transform(read(input)) };
  });
  const consumed = new Set(config.fields.flatMap((f) => (f.from === undefined ? [] : [rootField(f.from)])));
  const keepUnmapped = config.keepUnmapped;
  return (input) => {
    const output: Record<string, unknown> = {};
    if (keepUnmapped) {
      for (const [name, value] of Object.entries(input)) if (!consumed.has(name)) output[name] = value;
    }
    for (const field of fields) {
      const value = field.value(input);
      if (value === undefined) delete output[field.to];
      else output[field.to] = value;
    }
    return output;
  };
}

function plainMappingOf(config: MappingConfig): PlainMapping | null {
  let plain = plainMappings.get(config);
  if (plain === undefined) {
    plain = compilePlain(config);
    plainMappings.set(config, plain);
  }
  return plain;
}

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
  const plain = isRecordObject(input) ? plainMappingOf(config) : null;
  if (plain) return { status: 'ok', port: 'out', output: plain(input), checks: [] };
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
