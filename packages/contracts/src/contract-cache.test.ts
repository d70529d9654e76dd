import type { Contract } from '@baton/schema';
import { describe, expect, it, vi } from 'vitest';
import { compileContract, type CompiledContract } from './compile-contract.js';
import { ContractCache } from './contract-cache.js';

const contract = (name: string): Contract => ({
  fields: [{ name, type: 'string', required: true }],
  extraFields: 'drop',
});

describe('ContractCache', () => {
  it('evicts the least recently used contract and lets Ajv forget it', () => {
    const released: CompiledContract[] = [];
    const compile = vi.fn(compileContract);
    const cache = new ContractCache(2, compile, (c) => released.push(c));
    const a = cache.get(contract('a'));
    cache.get(contract('b'));
    cache.get(contract('a')); // a is now the most recent, b the least
    cache.get(contract('c'));
    expect(released.map((c) => [...c.fields.keys()])).toEqual([['b']]);
    expect(cache.stats()).toEqual({ compiles: 3, size: 2 });
    expect(cache.get(contract('a'))).toBe(a);
    cache.get(contract('b'));
    expect(compile).toHaveBeenCalledTimes(4);
  });
});
