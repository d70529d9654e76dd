import { performance } from 'node:perf_hooks';
import { createContractValidator } from '@baton/contracts';
import type { Contract, ContractField } from '@baton/schema';

/**
 * Contract validation of a 20-field record: the per-record cost every edge with a contract adds.
 * The validator is compiled once (as the engine does per published version); only `apply` is timed.
 */
export function benchContractValidation(seconds: number) {
  const fields: ContractField[] = Array.from({ length: 20 }, (_, i): ContractField => {
    const name = `f${i}`;
    switch (i % 5) {
      case 0:
        return { name, type: 'string', required: true, pattern: '^[A-Z]{2}-\\d{6}$', maxLength: 9 };
      case 1:
        return { name, type: 'integer', required: true, min: 0, max: 1_000_000 };
      case 2:
        return { name, type: 'enum', required: false, allowed: ['gold', 'silver', 'bronze'] };
      case 3:
        return { name, type: 'datetime', required: false, classification: 'internal' };
      default:
        return { name, type: 'number', required: false, onFail: { action: 'flag' } };
    }
  });
  const contract: Contract = { fields, extraFields: 'drop' };
  const values = ['AB-123456', 421, 'gold', '2026-03-15T09:30:00Z', 12.5];
  const record: Record<string, unknown> = Object.fromEntries(fields.map((f, i) => [f.name, values[i % 5]]));
  record.extra = 'dropped';
  const validator = createContractValidator(contract);
  if (validator.apply(record).outcome !== 'pass')
    throw new Error('the benchmark record does not pass its contract');

  const budget = Math.max(0.5, seconds / 5) * 1000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budget) {
    for (let i = 0; i < 1000; i++) validator.apply(record);
    n += 1000;
  }
  const elapsed = (performance.now() - t0) / 1000;
  return { perSecond: n / elapsed, records: n, elapsed };
}
