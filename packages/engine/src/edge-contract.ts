import { createContractValidator, type ContractResult, type ContractValidator } from '@baton/contracts';
import type { PlanEdge } from '@baton/schema';

export interface EdgeContractResult extends ContractResult {
  edgeId: string;
}

/**
 * Applies the contract of the edge a record arrives on, before the target node runs. Null when
 * the edge has no contract fields (an empty contract agrees on nothing, so nothing is enforced
 * or dropped). Reads no clock; the validator is compiled once per contract and cached, so this
 * costs one canonical-JSON key and one Ajv call per crossing. Throws when the contract cannot
 * be compiled, which the engine records as a failed step.
 */
export function applyEdgeContract(edge: PlanEdge | null, record: unknown): EdgeContractResult | null {
  if (!edge?.contract || edge.contract.fields.length === 0) return null;
  let validator: ContractValidator;
  try {
    validator = createContractValidator(edge.contract);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`The contract on edge "${edge.id}" cannot be compiled: ${reason}`);
  }
  return { edgeId: edge.id, ...validator.apply(record) };
}
