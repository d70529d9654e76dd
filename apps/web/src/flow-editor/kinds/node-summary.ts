import type { SourceNode } from '@baton/schema';

/** One line under a node's title saying what it does, so the canvas reads without the inspector. */
export function nodeSummary(node: SourceNode): string {
  const config = node.config;
  switch (node.kind) {
    case 'trigger':
      return typeof config['mode'] === 'string' ? `${config['mode']}` : 'no mode';
    case 'mapping': {
      const fields = arrayLength(config['fields']);
      const computed = arrayLength(config['computed']);
      if (fields + computed === 0) return 'no fields mapped';
      return [plural(fields, 'field'), computed ? `${computed} computed` : ''].filter(Boolean).join(' · ');
    }
    case 'validation': {
      const rules = arrayLength(config['rules']);
      return rules ? plural(rules, 'rule') : 'no rules';
    }
    case 'write': {
      const table = typeof config['table'] === 'string' && config['table'] ? config['table'] : null;
      return table ? `→ ${table}` : 'no table';
    }
    case 'log': {
      const mask = Array.isArray(config['mask']) ? (config['mask'] as unknown[]).map(String) : [];
      return mask.length ? `masks ${mask.join(', ')}` : 'movement ledger';
    }
  }
}

function arrayLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
