import type { Step } from '@baton/schema';
import { parseJson } from './parse-json.js';

/** A value a later field repeats: the previous step's output as this step's input, or the input as its output. */
type Repeat = [step: number, field: 'input' | 'output'];

interface CompactSteps {
  steps: Step[];
  same: Repeat[];
}

const isShared = (value: unknown): boolean => typeof value === 'object' && value !== null;

/**
 * A run's steps as the one JSON document its row stores. A step's input is usually the previous
 * step's output and a pass-through step's output its input (the same objects in the engine's
 * trace), so a plain document holds the record three or four times: a hand-off's run row
 * outgrew half a page, and each run then took a page of its own (and of WAL) at every commit.
 * A repeated value is written once: its later place holds `null` and `same` lists where it goes
 * back. The placeholder keeps every key where it was, so the steps read back serialize to the
 * same bytes (replay compares them). Nothing repeated → the plain array, as before.
 */
export function stepsDocument(steps: readonly Step[]): string {
  const same: Repeat[] = [];
  const stored = steps.map((step, i) => {
    const input = i > 0 && isShared(step.input) && step.input === steps[i - 1]!.output;
    const output = isShared(step.output) && step.output === step.input;
    if (!input && !output) return step;
    if (input) same.push([i, 'input']);
    if (output) same.push([i, 'output']);
    // Spread then override: the keys keep their order.
    return { ...step, ...(input && { input: null }), ...(output && { output: null }) };
  });
  return same.length === 0 ? JSON.stringify(steps) : JSON.stringify({ steps: stored, same });
}

/** The steps of a `stepsDocument` (or of a plain array, as rows written before it hold). */
export function stepsFromDocument(text: string): Step[] {
  const parsed = parseJson<Step[] | CompactSteps>(text);
  if (Array.isArray(parsed)) return parsed;
  const { steps, same } = parsed;
  // In document order: a step's input is restored before its output may repeat it.
  for (const [i, field] of same) {
    const step = steps[i]!;
    step[field] = field === 'input' ? steps[i - 1]!.output : step.input;
  }
  return steps;
}
