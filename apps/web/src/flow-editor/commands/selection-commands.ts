import { defineCommand } from './command';
import { removeEdges } from './edge-commands';
import { removeNodes } from './node-commands';

export interface RemoveElementsArgs {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/** Deletes a mixed selection (the Delete key) as one undo entry. */
export const removeElements = defineCommand<RemoveElementsArgs>(
  'removeElements',
  (source, { nodeIds, edgeIds }) => removeNodes(removeEdges(source, { ids: edgeIds }), { ids: nodeIds }),
);
