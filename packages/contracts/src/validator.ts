import type { Check, Contract } from '@baton/schema';
import { checkOfError, isBranchError } from './contract-checks.js';
import { contractCache } from './contract-cache.js';

export type ContractOutcome = 'pass' | 'flag' | 'reject';

export interface ContractResult {
  /** The record that crosses: without extra fields under `drop`, as given under `reject`. */
  record: Record<string, unknown>;
  /** Extra fields stripped under `drop`, in record order. */
  dropped: string[];
  /** One check per broken rule; a single `contract` pass check when nothing broke. */
  checks: Check[];
  outcome: ContractOutcome;
}

export interface ContractValidator {
  apply(record: unknown): ContractResult;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The contract as a validator. Compiling happens here, once per distinct contract (cached by
 * canonical JSON), never in `apply`; `apply` is pure and reads no clock, so the engine stays
 * deterministic. Throws when the contract cannot be compiled (a contract the compiler passed
 * always can).
 */
export function createContractValidator(contract: Contract): ContractValidator {
  const compiled = contractCache.get(contract);
  const { fields, order, validate, extraFields } = compiled;
  const rank = (check: Check) => (check.field === undefined ? -1 : (order.get(check.field) ?? order.size));

  return {
    apply(input) {
      if (!isRecord(input)) {
        const check: Check = {
          rule: 'contract.type',
          result: 'fail',
          message: 'The record must be a JSON object',
        };
        return { record: {}, dropped: [], checks: [check], outcome: 'reject' };
      }
      let record = input;
      const dropped: string[] = [];
      if (extraFields === 'drop') {
        dropped.push(...Object.keys(input).filter((name) => !fields.has(name)));
        if (dropped.length > 0)
          record = Object.fromEntries(Object.entries(input).filter(([name]) => fields.has(name)));
      }
      const checks = validate(record)
        ? []
        : (validate.errors ?? [])
            .filter((error) => !isBranchError(error))
            .map((error) => checkOfError(error, fields))
            // Stable sort: contract field order, then Ajv's order within a field; extras last.
            .sort((a, b) => rank(a) - rank(b));
      if (checks.length === 0) {
        // One check even on success, so a trace shows the contract was applied.
        return { record, dropped, checks: [{ rule: 'contract', result: 'pass' }], outcome: 'pass' };
      }
      const outcome: ContractOutcome = checks.some((c) => c.result === 'fail')
        ? 'reject'
        : checks.some((c) => c.result === 'flag')
          ? 'flag'
          : 'pass';
      return { record, dropped, checks, outcome };
    },
  };
}
