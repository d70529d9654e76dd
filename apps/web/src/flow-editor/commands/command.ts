import type { FlowSource } from '@baton/schema';

/**
 * A named, pure edit of the flow document. Commands never read the clock, random numbers or the
 * DOM: ids and positions come in through `args`, so every command is a plain function to test and
 * one `perform()` is exactly one undo entry.
 */
export interface Command<A> {
  (source: FlowSource, args: A): FlowSource;
  readonly commandName: string;
}

export function defineCommand<A>(
  commandName: string,
  run: (source: FlowSource, args: A) => FlowSource,
): Command<A> {
  return Object.assign((source: FlowSource, args: A) => run(source, args), { commandName });
}
