import type { Check } from '@baton/schema';
import type { ExecuteContext, ExecuteStep } from '../kind-definition.js';
import type { ValidationConfig, ValidationRule } from './spec.js';

async function runRule(
  rule: ValidationRule,
  input: Record<string, unknown>,
  ctx: ExecuteContext,
): Promise<Check> {
  const failed: Check['result'] = rule.onFail === 'reject' ? 'fail' : 'flag';
  const check: Check = { rule: rule.name || rule.id, result: 'pass' };
  if (rule.field !== undefined) check.field = rule.field;
  if (rule.owner !== undefined) check.owner = rule.owner;
  try {
    // Only a literal `true` passes: a rule that yields nothing (missing field) has not been met.
    if ((await ctx.expressions.evaluate(rule.expression, input)) === true) return check;
    return { ...check, result: failed, message: rule.message };
  } catch (err) {
    // A rule that cannot be evaluated on this record has not been met either; say why.
    const reason = err instanceof Error ? err.message : String(err);
    return { ...check, result: failed, message: `${rule.message} (rule error: ${reason})` };
  }
}

/** Every rule runs (so the owner sees all problems at once); the record passes through unchanged. */
export const executeValidation: ExecuteStep<ValidationConfig> = async (config, input, ctx) => {
  const checks: Check[] = [];
  for (const rule of config.rules) checks.push(await runRule(rule, input, ctx));
  if (checks.some((c) => c.result === 'fail'))
    return { status: 'rejected', port: 'reject', output: input, checks };
  if (checks.some((c) => c.result === 'flag'))
    return { status: 'flagged', port: 'pass', output: input, checks };
  return { status: 'ok', port: 'pass', output: input, checks };
};
