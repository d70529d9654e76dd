import type { ColumnSpec, ExecuteContext, ExecuteStep, UpsertRequest } from '../kind-definition.js';
import { readPath, isBlank } from '../record/field-path.js';
import { recordKeyOf } from '../record/record-key.js';
import type { WriteConfig } from './spec.js';

/** Table columns: the incoming contract's fields when it lists any (typed), else the row's own. */
function columnsFor(row: Record<string, unknown>, ctx: ExecuteContext): ColumnSpec[] {
  const contractFields = ctx.incomingEdge?.contract?.fields ?? [];
  if (contractFields.length > 0) return contractFields.map((f) => ({ name: f.name, type: f.type }));
  return Object.keys(row).map((name) => ({ name }));
}

export const executeWrite: ExecuteStep<WriteConfig> = async (config, input, ctx) => {
  const target = `${config.connection}.${config.table}`;
  const missing = config.keyFields.filter((field) => isBlank(readPath(input, field)));
  if (missing.length > 0) {
    return {
      status: 'failed',
      port: 'failed',
      output: input,
      checks: [],
      error: `Key field${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing: cannot write to ${target}`,
    };
  }
  const key = Object.fromEntries(config.keyFields.map((field) => [field, readPath(input, field)]));
  const request: UpsertRequest = {
    target: { connection: config.connection, table: config.table },
    keyFields: config.keyFields,
    row: input,
    onConflict: config.onConflict,
    columns: columnsFor(input, ctx),
    // Version-independent, so re-running a record on a newer version updates the same row.
    idempotencyKey: `${ctx.flowId}:${recordKeyOf(input, config.keyFields) ?? ''}`,
  };
  try {
    const { action } = ctx.dryRun ? await ctx.targets.preview(request) : await ctx.targets.upsert(request);
    return {
      status: 'ok',
      port: 'done',
      output: input,
      checks: [],
      write: { target, key, action, dryRun: ctx.dryRun },
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      status: 'failed',
      port: 'failed',
      output: input,
      checks: [],
      error: `Write to ${target} failed: ${reason}`,
    };
  }
};
