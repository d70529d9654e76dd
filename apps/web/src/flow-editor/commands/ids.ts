// Node and edge ids are opaque and random, never derived from labels: a rename must never break an
// edge (n8n keys connections by node name and has paid for it). 8 chars of base36 ≈ 41 bits.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomSuffix(length = 8): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

export const newNodeId = (): string => `n_${randomSuffix()}`;
export const newEdgeId = (): string => `e_${randomSuffix()}`;
export const newRuleId = (): string => `r_${randomSuffix()}`;
