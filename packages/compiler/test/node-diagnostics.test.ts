import { getKind, triggerKind, type AnyNodeKindDefinition } from '@baton/nodes';
import { Type } from '@sinclair/typebox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../src/index.js';
import { normaliseNodeConfig } from '../src/node-config.js';
import {
  edge,
  linearSource,
  log,
  mapping,
  node,
  source,
  trigger,
  validation,
  write,
} from './build-source.js';

const errorsOf = (src: Parameters<typeof compile>[0]) =>
  compile(src).diagnostics.filter((d) => d.severity === 'error');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('compile: node diagnostics', () => {
  it('kind_version_unsupported for a version newer than the kind', () => {
    const src = linearSource();
    src.nodes[4] = node('n_l', 'log', { mask: [] }, 7);
    expect(errorsOf(src).map((d) => [d.code, d.nodeId, d.path])).toEqual([
      ['kind_version_unsupported', 'n_l', '/kindVersion'],
    ]);
  });

  it('config_invalid, one per schema error, with the path inside the config', () => {
    const src = linearSource();
    src.nodes[3] = node('n_w', 'write', {
      connection: 'downstream',
      table: 'drop table;',
      keyFields: [],
      onConflict: 'merge',
    });
    const errors = errorsOf(src);
    expect(errors.every((d) => d.code === 'config_invalid' && d.nodeId === 'n_w')).toBe(true);
    expect(new Set(errors.map((d) => d.path))).toEqual(new Set(['/table', '/keyFields', '/onConflict']));
  });

  it('config_invalid says which setting and what it needs, once per setting', () => {
    const src = linearSource();
    // A freshly dropped write: no table, no key fields (the empty table breaks its length and its
    // pattern: one message).
    src.nodes[3] = node('n_w', 'write', {
      connection: 'downstream',
      table: '',
      keyFields: [],
      onConflict: 'update',
    });
    expect(errorsOf(src).map((d) => [d.path, d.message])).toEqual([
      ['/table', 'Table: required'],
      ['/keyFields', 'Key fields: add at least one'],
    ]);
    src.nodes[3] = node('n_w', 'write', {
      connection: 'downstream',
      table: '9 orders',
      keyFields: ['order_id', ''],
      onConflict: 'merge',
      colour: 'red',
    });
    expect(errorsOf(src).map((d) => d.message)).toEqual([
      'Colour: not a setting of this node',
      'Table: letters, digits and _ only, not starting with a digit',
      'Key fields, item 2: required',
      'When the key exists: one of "update", "skip"',
    ]);
  });

  it('config_invalid for an empty table and for unknown settings', () => {
    const src = linearSource();
    src.nodes[3] = node('n_w', 'write', { table: '', keyFields: ['id'], colour: 'red' });
    const paths = errorsOf(src).map((d) => [d.code, d.path]);
    expect(paths).toContainEqual(['config_invalid', '/table']);
    expect(paths).toContainEqual(['config_invalid', '/colour']);
  });

  it('trigger_schedule_missing and trigger_cron_invalid for a schedule trigger', () => {
    const src = linearSource();
    src.nodes[0] = node('n_t', 'trigger', { mode: 'schedule' });
    expect(errorsOf(src).map((d) => [d.code, d.nodeId])).toEqual([['trigger_schedule_missing', 'n_t']]);
    const source = { kind: 'http', url: 'https://example.com/orders', cursorField: 'id' };
    src.nodes[0] = node('n_t', 'trigger', { mode: 'schedule', schedule: { cron: '* * 99 * *', source } });
    expect(errorsOf(src).map((d) => [d.code, d.nodeId, d.path])).toEqual([
      ['trigger_cron_invalid', 'n_t', '/schedule/cron'],
    ]);
  });

  it('expression_invalid with the path of the expression', () => {
    const src = linearSource();
    src.nodes[2] = validation('n_v', 'id = ');
    expect(errorsOf(src).map((d) => [d.code, d.nodeId, d.path])).toEqual([
      ['expression_invalid', 'n_v', '/rules/0/expression'],
    ]);
  });

  it('write_key_not_upstream when the mapping does not produce the key', () => {
    const src = linearSource();
    src.nodes[3] = write('n_w', ['order_id']);
    expect(errorsOf(src).map((d) => [d.code, d.nodeId, d.path])).toEqual([
      ['write_key_not_upstream', 'n_w', '/keyFields/0'],
    ]);
  });

  it('write_key_not_upstream against the incoming contract, which decides what crosses', () => {
    const contract = {
      fields: [{ name: 'sku', type: 'string' as const, required: true }],
      extraFields: 'drop' as const,
    };
    const src = source(
      [trigger(), write('n_w', ['id']), log('n_l')],
      [edge('e1', 'n_t', 'n_w', { contract }), edge('e2', 'n_w', 'n_l', { fromPort: 'done' })],
    );
    expect(errorsOf(src).map((d) => d.code)).toEqual(['write_key_not_upstream']);
    // Without a contract after a trigger nothing is known, so nothing is claimed.
    src.edges[0] = edge('e1', 'n_t', 'n_w');
    expect(errorsOf(src)).toEqual([]);
  });

  it('propagates fields through validation and log nodes', () => {
    const src = source(
      [trigger(), mapping('n_m', ['sku']), validation('n_v', 'true'), log('n_l'), write('n_w', ['id'])],
      [
        edge('e1', 'n_t', 'n_m'),
        edge('e2', 'n_m', 'n_v'),
        edge('e3', 'n_v', 'n_l', { fromPort: 'pass' }),
        edge('e4', 'n_l', 'n_w'),
      ],
    );
    expect(errorsOf(src).map((d) => [d.code, d.nodeId])).toEqual([['write_key_not_upstream', 'n_w']]);
  });

  it('compile_internal_error when a kind compile step throws, instead of throwing', () => {
    vi.spyOn(getKind('mapping'), 'compile').mockImplementation(() => {
      throw new Error('boom');
    });
    const { definition, diagnostics } = compile(linearSource());
    expect(definition).toBeNull();
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.nodeId])).toEqual([
      ['compile_internal_error', 'n_m'],
    ]);
  });
});

describe('normaliseNodeConfig: copies', () => {
  it('shares a current, valid config with the plan, and copies one it fills with defaults', () => {
    const valid = node('n_l', 'log', { mask: [] }, 1);
    const kind = getKind('log');
    const kept = normaliseNodeConfig(valid, kind);
    expect(kept.ok && kept.config).toBe(valid.config);
    const partial = node('n_m', 'mapping', { fields: [] }, 1);
    const filled = normaliseNodeConfig(partial, getKind('mapping'));
    expect(filled.ok && filled.config).toEqual({ fields: [], computed: [], keepUnmapped: false });
    expect(partial.config).toEqual({ fields: [] });
  });

  it('never lets a migration write to the source, even one that edits in place', () => {
    const inPlace: AnyNodeKindDefinition = {
      ...triggerKind,
      spec: {
        ...triggerKind.spec,
        version: 2,
        configSchema: Type.Object({ title: Type.String() }),
        migrations: [
          (config) => {
            config['title'] = config['name'];
            delete config['name'];
            return config;
          },
        ],
      },
    };
    const sourceNode = node('n_1', 'trigger', { name: 'Orders' }, 1);
    expect(normaliseNodeConfig(sourceNode, inPlace)).toMatchObject({ ok: true, config: { title: 'Orders' } });
    expect(sourceNode.config).toEqual({ name: 'Orders' });
  });
});

describe('normaliseNodeConfig: migrations', () => {
  // A kind at version 3 whose config renamed `name` → `title` (v2) and then added `tags` (v3).
  const Config = Type.Object(
    { title: Type.String(), tags: Type.Array(Type.String()) },
    { additionalProperties: false },
  );
  const migrated: AnyNodeKindDefinition = {
    ...triggerKind,
    spec: {
      ...triggerKind.spec,
      version: 3,
      configSchema: Config,
      migrations: [({ name, ...rest }) => ({ ...rest, title: name }), (config) => ({ ...config, tags: [] })],
    },
  };

  it('runs the up() steps in order from the stored version', () => {
    const sourceNode = node('n_1', 'trigger', { name: 'Orders' }, 1);
    expect(normaliseNodeConfig(sourceNode, migrated)).toEqual({
      ok: true,
      kindVersion: 3,
      config: { title: 'Orders', tags: [] },
    });
    expect(sourceNode.config).toEqual({ name: 'Orders' });
    expect(normaliseNodeConfig(node('n_2', 'trigger', { title: 'x' }, 2), migrated)).toMatchObject({
      ok: true,
      config: { title: 'x', tags: [] },
    });
  });

  it('reports kind_version_unsupported when a step is missing or throws', () => {
    const broken: AnyNodeKindDefinition = {
      ...migrated,
      spec: { ...migrated.spec, migrations: [migrated.spec.migrations[0]!] },
    };
    expect(normaliseNodeConfig(node('n_1', 'trigger', { name: 'a' }, 1), broken)).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'kind_version_unsupported', nodeId: 'n_1' }],
    });
    const throwing: AnyNodeKindDefinition = {
      ...migrated,
      spec: {
        ...migrated.spec,
        migrations: [
          () => {
            throw new Error('bad shape');
          },
          (c) => c,
        ],
      },
    };
    const result = normaliseNodeConfig(node('n_1', 'trigger', {}, 1), throwing);
    expect(result.ok ? '' : result.diagnostics[0]?.message).toMatch(/bad shape/);
  });

  it('checks the migrated config against the current schema', () => {
    const result = normaliseNodeConfig(node('n_1', 'trigger', { name: 42 }, 1), migrated);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'config_invalid', path: '/title' }] });
  });
});
