/**
 * Both backends keep JSON documents in text columns (PostgreSQL deliberately not as jsonb, which
 * would reorder keys), so the row mappers of either backend parse them the same way.
 */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
