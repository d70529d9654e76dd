/**
 * Throws unless `value` is plain JSON data. JSONata can return functions and lambdas (which
 * carry their environment, a cyclic structure); such a value would break the trace's JSON, so a
 * computed field that yields one fails its step with a clear message instead.
 */
export function assertJsonValue(value: unknown, where: string): void {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${where} yielded ${v}, which is not a JSON number`);
      return;
    }
    if (typeof v !== 'object') throw new Error(`${where} yielded a ${typeof v}, not JSON data`);
    if ('_jsonata_lambda' in v || '_jsonata_function' in v)
      throw new Error(`${where} yielded a function, not JSON data`);
    if (seen.has(v)) throw new Error(`${where} yielded a cyclic structure`);
    seen.add(v);
    for (const item of Array.isArray(v) ? v : Object.values(v)) visit(item);
    seen.delete(v);
  };
  visit(value);
}
