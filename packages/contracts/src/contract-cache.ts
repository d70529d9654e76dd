import { canonicalJson, type Contract } from '@baton/schema';
import { compileContract, releaseContract, type CompiledContract } from './compile-contract.js';

export interface ContractCacheStats {
  /** Contracts compiled since the process started (a cache miss each). */
  compiles: number;
  /** Contracts held now. */
  size: number;
}

/**
 * Least-recently-used cache of compiled contracts keyed by the contract's canonical JSON, so a
 * published plan compiles each edge contract once, however many records cross it and however
 * often the plan is re-read from the database (new objects, same key). A Map keeps insertion
 * order: re-inserting on a hit makes the first key the least recently used.
 */
export class ContractCache {
  private readonly entries = new Map<string, CompiledContract>();
  /** Identity fast path: a cached plan hands the same contract object for every record. */
  private readonly keys = new WeakMap<Contract, string>();
  private compiles = 0;

  constructor(
    private readonly capacity: number,
    private readonly compile: (contract: Contract) => CompiledContract = compileContract,
    private readonly release: (compiled: CompiledContract) => void = releaseContract,
  ) {}

  get(contract: Contract): CompiledContract {
    let key = this.keys.get(contract);
    if (key === undefined) {
      key = canonicalJson(contract);
      this.keys.set(contract, key);
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const compiled = this.compile(contract);
    this.compiles++;
    this.entries.set(key, compiled);
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
      this.release(entry);
    }
    return compiled;
  }

  stats(): ContractCacheStats {
    return { compiles: this.compiles, size: this.entries.size };
  }
}

/** Enough for every edge of many published versions; a miss only costs one compile. */
export const contractCache = new ContractCache(500);

export function contractCacheStats(): ContractCacheStats {
  return contractCache.stats();
}
