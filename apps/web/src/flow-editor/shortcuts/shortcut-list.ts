/** Every keyboard shortcut of the editor, in the order the help overlay lists them. */
export interface Shortcut {
  keys: string[];
  action: string;
}

export const SHORTCUTS: readonly { group: string; items: readonly Shortcut[] }[] = [
  {
    group: 'Build',
    items: [
      { keys: ['Tab'], action: 'Move between palette, canvas nodes, edges and panels' },
      { keys: ['Enter'], action: 'On a palette entry: add it (after the selected node, connected)' },
      { keys: ['/'], action: 'Search the palette' },
      { keys: ['F2'], action: 'Rename the selected node (or double-click its name)' },
    ],
  },
  {
    group: 'Select and edit',
    items: [
      { keys: ['Enter', 'Space'], action: 'On a focused node or edge: select it' },
      { keys: ['Shift', 'click'], action: 'Add to the selection; Shift+drag draws a selection box' },
      { keys: ['Ctrl', 'A'], action: 'Select everything' },
      { keys: ['Ctrl', 'C'], action: 'Copy the selected nodes (and the edges between them)' },
      { keys: ['Ctrl', 'X'], action: 'Cut' },
      { keys: ['Ctrl', 'V'], action: 'Paste, also into another flow' },
      { keys: ['Ctrl', 'D'], action: 'Duplicate the selection' },
      { keys: ['Delete'], action: 'Delete the selection (undo brings it back)' },
      { keys: ['←', '↑', '→', '↓'], action: 'Move the selected nodes' },
      { keys: ['Esc'], action: 'Clear the selection' },
    ],
  },
  {
    group: 'History and view',
    items: [
      { keys: ['Ctrl', 'Z'], action: 'Undo' },
      { keys: ['Ctrl', 'Shift', 'Z'], action: 'Redo (also Ctrl+Y)' },
      { keys: ['L'], action: 'Auto-layout the graph' },
      { keys: ['G'], action: 'Snap to grid on/off' },
      { keys: ['F'], action: 'Fit the graph in view' },
      { keys: ['?'], action: 'Show these shortcuts' },
    ],
  },
];
