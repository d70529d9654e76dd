import type { FlowSource } from '@baton/schema';
import { defineCommand } from './command';

export interface ReplaceSourceArgs {
  source: FlowSource;
}

/** Replaces the whole draft (the JSON view's "Apply"): one undo entry like any other edit. */
export const replaceSource = defineCommand<ReplaceSourceArgs>(
  'replaceSource',
  (_source, { source }) => source,
);
