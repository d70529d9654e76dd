import type { Diagnostic, SourceNode } from '@baton/schema';
import type { TSchema } from '@sinclair/typebox';
import type { AnyNodeKindDefinition } from '@baton/nodes';
import { Value } from '@sinclair/typebox/value';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { configErrorMessages } from './config-messages.js';

type Check = (config: unknown) => boolean;

// One compiled checker per kind schema: the interpreted Value.Check walks the schema for every
// node and was the largest part of compile() on a 500-node flow. Where code generation is not
// allowed (a strict CSP) it falls back to Value.Check, which accepts exactly the same values.
const checkers = new WeakMap<TSchema, Check>();

function checkerFor(schema: TSchema): Check {
  let check = checkers.get(schema);
  if (!check) {
    try {
      const compiled = TypeCompiler.Compile(schema);
      check = (config) => compiled.Check(config);
    } catch {
      check = (config) => Value.Check(schema, config);
    }
    checkers.set(schema, check);
  }
  return check;
}

export type NodeConfigResult =
  | { ok: true; kindVersion: number; config: Record<string, unknown> }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Brings a node's config to the kind's current version (pure, ordered `up()` steps), fills the
 * schema's defaults and checks it against the kind's config schema. Never mutates the source.
 */
export function normaliseNodeConfig(node: SourceNode, kind: AnyNodeKindDefinition): NodeConfigResult {
  const { spec } = kind;
  const schema = spec.configSchema as TSchema;
  const nodeId = node.id;
  if (!Number.isInteger(node.kindVersion) || node.kindVersion < 1 || node.kindVersion > spec.version) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'kind_version_unsupported',
          severity: 'error',
          message: `${spec.title} version ${node.kindVersion} is not supported (current: ${spec.version})`,
          nodeId,
          path: '/kindVersion',
        },
      ],
    };
  }
  // Copied (as JSON) only where it is changed, by a migration or by filling defaults, so the
  // source is never written to. A current, valid config is shared with the plan: both are values
  // nobody edits in place (the editor replaces objects, the server parses each request), and the
  // copy was about a third of compile() on a 500-node flow, and much of its garbage.
  let config = node.config as Record<string, unknown>;
  const copy = () => JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
  if (node.kindVersion < spec.version) config = copy();
  for (let version = node.kindVersion; version < spec.version; version++) {
    const up = spec.migrations[version - 1];
    try {
      if (!up) throw new Error(`no migration from version ${version}`);
      config = up(config);
    } catch (err) {
      return {
        ok: false,
        diagnostics: [
          {
            code: 'kind_version_unsupported',
            severity: 'error',
            message: `${spec.title} config cannot be migrated from version ${version}: ${err instanceof Error ? err.message : String(err)}`,
            nodeId,
            path: '/kindVersion',
          },
        ],
      };
    }
  }
  // Check first: several times faster than filling defaults or collecting errors, and since
  // every defaulted setting is required by its schema, a valid config has nothing to fill.
  const check = checkerFor(schema);
  if (check(config)) return { ok: true, kindVersion: spec.version, config };
  config = Value.Default(schema, node.kindVersion < spec.version ? config : copy()) as Record<
    string,
    unknown
  >;
  if (check(config)) return { ok: true, kindVersion: spec.version, config };
  const diagnostics: Diagnostic[] = configErrorMessages(Value.Errors(schema, config)).map(
    ({ path, message }) => ({ code: 'config_invalid', severity: 'error', message, nodeId, path }),
  );
  return { ok: false, diagnostics };
}
