import jsonata from 'jsonata';
import type { Clock, ExpressionRunner } from '../kind-definition.js';
import { isCalendarDate, isEmail } from './baton-functions.js';
import { ExpressionError, toExpressionError } from './expression-error.js';

export interface ExpressionRunnerOptions {
  /** Source of `$now()` and `$millis()`, so a run with a fixed clock is reproducible. */
  clock: Clock;
  /** Wall-clock budget of one evaluation. */
  timeoutMs?: number;
  /** Maximum nesting of evaluation frames (runaway recursion). */
  maxDepth?: number;
  /** Compiled expressions kept per runner; plans hold few distinct sources. */
  cacheSize?: number;
}

interface GuardState {
  depth: number;
  startedAt: number;
}

type JsonataEnvironment = { base?: object; isParallelCall?: boolean };

const ENTRY = Symbol.for('jsonata.__evaluate_entry');
const EXIT = Symbol.for('jsonata.__evaluate_exit');

/**
 * JSONata with Baton's guards. The timeout and depth checks follow jsonata's own test suite
 * ("timeboxExpression"): hooks on every evaluation frame. Their state is kept per evaluation
 * (keyed by JSONata's per-call base environment) rather than per expression, because one cached
 * expression may be evaluated by several runs at once.
 */
// Formats `$now(picture, timezone)` with JSONata's own formatter, fed a given time.
const formatMillis = jsonata('$fromMillis($ms, $picture, $timezone)');

function nowAt(ms: number, picture?: string, timezone?: string): unknown {
  if (picture === undefined && timezone === undefined) return new Date(ms).toISOString();
  return formatMillis.evaluate({}, { ms, picture, timezone });
}

/**
 * Bindings that pin `$now()` and `$millis()` to one instant. The engine passes them for every
 * expression of a run, fixed at the run's recorded start, so a replay (which re-injects the
 * recorded start) evaluates them to the same values. Evaluation bindings shadow the registered
 * functions below.
 */
export function pinnedTimeBindings(ms: number): Record<string, unknown> {
  return {
    now: (picture?: string, timezone?: string) => nowAt(ms, picture, timezone),
    millis: () => ms,
  };
}

export function createExpressionRunner(options: ExpressionRunnerOptions): ExpressionRunner {
  const { clock, timeoutMs = 1000, maxDepth = 100, cacheSize = 500 } = options;
  const cache = new Map<string, jsonata.Expression>();
  const guards = new WeakMap<object, GuardState>();
  const check = (state: GuardState): void => {
    if (state.depth > maxDepth) {
      throw new ExpressionError(`Expression nested deeper than ${maxDepth} levels`, 'B0002', null);
    }
    if (Date.now() - state.startedAt > timeoutMs) {
      throw new ExpressionError(`Expression ran longer than ${timeoutMs} ms`, 'B0001', null);
    }
  };

  const onEntry = (_expr: unknown, _input: unknown, env: JsonataEnvironment): void => {
    if (env.isParallelCall || !env.base) return;
    let state = guards.get(env.base);
    if (!state) {
      state = { depth: 0, startedAt: Date.now() };
      guards.set(env.base, state);
    }
    state.depth++;
    check(state);
  };

  const onExit = (_expr: unknown, _input: unknown, env: JsonataEnvironment): void => {
    if (env.isParallelCall || !env.base) return;
    const state = guards.get(env.base);
    if (!state) return;
    state.depth--;
    check(state);
  };

  const prepare = (source: string): jsonata.Expression => {
    const cached = cache.get(source);
    if (cached) return cached;
    let expression: jsonata.Expression;
    try {
      expression = jsonata(source);
    } catch (err) {
      throw toExpressionError(err);
    }
    expression.assign(ENTRY as unknown as string, onEntry);
    expression.assign(EXIT as unknown as string, onExit);
    expression.registerFunction('now', (picture?: string, timezone?: string) =>
      nowAt(clock.now().getTime(), picture, timezone),
    );
    expression.registerFunction('millis', () => clock.now().getTime());
    expression.registerFunction('isDate', isCalendarDate);
    expression.registerFunction('isEmail', isEmail);
    if (cache.size >= cacheSize) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(source, expression);
    return expression;
  };

  return {
    async evaluate(source, input, bindings) {
      const expression = prepare(source);
      try {
        return (await expression.evaluate(input, bindings ? { ...bindings } : undefined)) as unknown;
      } catch (err) {
        throw toExpressionError(err);
      }
    },
  };
}
