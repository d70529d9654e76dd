import {
  createExpressionRunner,
  mappingKind,
  readPath,
  recordKeyOf,
  type ExecuteContext,
  type FieldMapping,
  type MappingConfig,
} from '@baton/nodes';

export interface PreviewRow {
  to: string;
  /** What the line reads from the sample: the source path's value, the literal, or the expression. */
  input: unknown;
  inputLabel: string;
  /** `undefined` means the field is left out of the output (missing source, no default). */
  result?: unknown;
  error?: string;
}

export interface MappingPreview {
  fields: PreviewRow[];
  computed: PreviewRow[];
  /** The whole output record, from one run of the full config, as the engine produces it. */
  output: Record<string, unknown> | null;
  error?: string;
}

/**
 * Runs the mapping kind's own `execute` on the sample, once per line (so one broken line shows
 * its error inline while the others still preview) and once for the whole config (computed
 * fields see the mapped record). It is the engine's code path, so preview and run cannot differ.
 */
export async function previewMapping(
  config: MappingConfig,
  sample: Record<string, unknown>,
  now: Date = new Date(),
): Promise<MappingPreview> {
  const ctx = previewContext(now);
  const fields = await Promise.all(
    config.fields.map(async (field): Promise<PreviewRow> => {
      const row = { to: field.to, ...inputOf(field, sample) };
      try {
        const single: MappingConfig = { fields: [field], computed: [], keepUnmapped: false };
        const { output } = await mappingKind.execute(single, sample, ctx);
        return Object.hasOwn(output, field.to) ? { ...row, result: output[field.to] } : row;
      } catch (error) {
        return { ...row, error: messageOf(error) };
      }
    }),
  );
  let output: Record<string, unknown> | null = null;
  let error: string | undefined;
  try {
    output = (await mappingKind.execute(config, sample, ctx)).output;
  } catch (e) {
    error = messageOf(e);
  }
  const computed = config.computed.map((c): PreviewRow => {
    const row: PreviewRow = { to: c.to, input: c.expression, inputLabel: 'expression' };
    if (error !== undefined) return { ...row, error };
    return output && Object.hasOwn(output, c.to) ? { ...row, result: output[c.to] } : row;
  });
  return { fields, computed, output, ...(error === undefined ? {} : { error }) };
}

function inputOf(
  field: FieldMapping,
  sample: Record<string, unknown>,
): Pick<PreviewRow, 'input' | 'inputLabel'> {
  if (field.value?.kind === 'literal') return { input: field.value.value, inputLabel: 'constant' };
  if (field.value?.kind === 'expression') return { input: field.value.source, inputLabel: 'expression' };
  if (field.from === undefined) return { input: undefined, inputLabel: 'nothing' };
  return { input: readPath(sample, field.from), inputLabel: field.from };
}

/** An ExecuteContext for a mapping preview: a mapping never writes, so targets refuse. */
function previewContext(now: Date): ExecuteContext {
  const clock = { now: () => now };
  const refuse = () => Promise.reject(new Error('A preview does not write'));
  return {
    flowId: 'preview',
    version: null,
    runId: 'preview',
    dryRun: true,
    clock,
    expressions: createExpressionRunner({ clock }),
    targets: { upsert: refuse, preview: refuse },
    nodeId: 'preview',
    nodeLabel: 'Preview',
    incomingEdge: null,
    recordKey: (record) => recordKeyOf(record, []),
    statusSoFar: () => 'running',
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
