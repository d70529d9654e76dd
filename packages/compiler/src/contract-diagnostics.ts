import { patternError } from '@baton/contracts';
import type { ContractField, Diagnostic, SourceEdge } from '@baton/schema';

type FieldProblem = Omit<Diagnostic, 'edgeId' | 'path'> & { setting: string };

/** Lower bound above upper bound: no value could pass, so every record would stop here. */
function rangeProblems(field: ContractField): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pairs = [
    ['min', 'max', field.min, field.max],
    ['minLength', 'maxLength', field.minLength, field.maxLength],
  ] as const;
  for (const [low, high, lo, hi] of pairs) {
    if (lo === undefined || hi === undefined || lo <= hi) continue;
    problems.push({
      code: 'contract_range_invalid',
      severity: 'error',
      message: `Field "${field.name}": ${low} ${lo} is above ${high} ${hi}, so no value can pass`,
      setting: low,
    });
  }
  return problems;
}

function fieldProblems(field: ContractField): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (field.pattern !== undefined) {
    const reason = patternError(field.pattern);
    if (reason !== null) {
      problems.push({
        code: 'contract_pattern_invalid',
        severity: 'error',
        message: `Field "${field.name}": the pattern does not compile (${reason})`,
        setting: 'pattern',
      });
    }
  }
  problems.push(...rangeProblems(field));
  if (field.type === 'enum' && !field.allowed?.length) {
    problems.push({
      code: 'contract_enum_empty',
      severity: 'error',
      message: `Field "${field.name}" is an enum without allowed values`,
      setting: 'allowed',
    });
  }
  if (!field.owner) {
    problems.push({
      code: 'contract_owner_missing',
      severity: 'info',
      message: `Field "${field.name}" has no owner; nobody hears when it fails`,
      setting: 'owner',
    });
  }
  return problems;
}

/**
 * Checks each edge contract so that every contract in a plan compiles to a validator (patterns
 * with the validator's flags, non-empty enums) and can pass some record. Pure: no Ajv here, the
 * editor runs this on every change.
 */
export function checkContracts(sourceEdges: readonly SourceEdge[], diagnostics: Diagnostic[]): void {
  for (const edge of sourceEdges) {
    const seen = new Set<string>();
    edge.contract?.fields.forEach((field, i) => {
      const at = (setting: string) => ({ edgeId: edge.id, path: `/contract/fields/${i}/${setting}` });
      if (seen.has(field.name)) {
        diagnostics.push({
          code: 'contract_field_duplicate',
          severity: 'error',
          message: `Field "${field.name}" is listed twice in this contract`,
          ...at('name'),
        });
      }
      seen.add(field.name);
      for (const { setting, ...problem } of fieldProblems(field))
        diagnostics.push({ ...problem, ...at(setting) });
    });
  }
}
