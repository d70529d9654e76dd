import type { ExecuteContext, ExecuteResult, ExecuteStep } from '../kind-definition.js';
import { MASK, type LogConfig } from './spec.js';

function logRecord(config: LogConfig, input: Record<string, unknown>, ctx: ExecuteContext): ExecuteResult {
  const payload: Record<string, unknown> = { ...input };
  for (const field of config.mask) if (Object.hasOwn(payload, field)) payload[field] = MASK;
  return {
    status: 'ok',
    port: 'out',
    output: input,
    checks: [],
    ledger: {
      nodeId: ctx.nodeId,
      recordKey: ctx.recordKey(input),
      status: ctx.statusSoFar(),
      at: ctx.clock.now().toISOString(),
      payload,
    },
  };
}

/** The ledger entry travels with the step; the server persists it with the run, atomically. */
export const executeLog: ExecuteStep<LogConfig> = (config, input, ctx) =>
  Promise.resolve(logRecord(config, input, ctx));
