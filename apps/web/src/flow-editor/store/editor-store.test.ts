import { describe, expect, it } from 'vitest';
import { emptySource, type SourceNode } from '@baton/schema';
import { createEditorStore, countDiagnostics } from './editor-store';
import { addNode, moveNodes, removeNodes, renameNode } from '../commands/node-commands';

const node = (id: string): SourceNode => ({ id, kind: 'mapping', kindVersion: 1, label: id, config: {} });

describe('editor store', () => {
  it('perform pushes one undo entry per command; undo and redo walk the history', () => {
    const store = createEditorStore('f', emptySource());
    store.getState().perform(addNode, { node: node('n_1'), position: { x: 0, y: 0 } });
    store.getState().perform(moveNodes, { positions: { n_1: { x: 100, y: 40 } } });
    expect(store.getState().past).toHaveLength(2);
    expect(store.getState().saveState).toBe('unsaved');

    store.getState().undo();
    expect(store.getState().source.layout.nodes['n_1']).toEqual({ x: 0, y: 0 });
    store.getState().undo();
    expect(store.getState().source.nodes).toEqual([]);
    store.getState().undo(); // nothing left: harmless
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().source.layout.nodes['n_1']).toEqual({ x: 100, y: 40 });
    expect(store.getState().future).toEqual([]);
  });

  it('a no-op command leaves history and save state alone', () => {
    const store = createEditorStore('f', emptySource());
    store.getState().perform(removeNodes, { ids: ['n_missing'] });
    expect(store.getState().past).toEqual([]);
    expect(store.getState().saveState).toBe('saved');
  });

  it('a new command after undo clears the redo stack', () => {
    const store = createEditorStore('f', emptySource());
    const s = store.getState();
    s.perform(addNode, { node: node('n_1'), position: { x: 0, y: 0 } });
    s.perform(renameNode, { id: 'n_1', label: 'A' });
    store.getState().undo();
    store.getState().perform(renameNode, { id: 'n_1', label: 'B' });
    expect(store.getState().future).toEqual([]);
    expect(store.getState().source.nodes[0]?.label).toBe('B');
  });

  it('drops deleted nodes from the selection', () => {
    const store = createEditorStore('f', emptySource());
    store.getState().perform(addNode, { node: node('n_1'), position: { x: 0, y: 0 } });
    store.getState().select({ nodes: ['n_1'], edges: [] });
    store.getState().perform(removeNodes, { ids: ['n_1'] });
    expect(store.getState().selection.nodes).toEqual([]);
  });

  it('tracks save state across an in-flight save', () => {
    const store = createEditorStore('f', emptySource());
    store.getState().perform(addNode, { node: node('n_1'), position: { x: 0, y: 0 } });
    store.getState().markSaving();
    store.getState().perform(renameNode, { id: 'n_1', label: 'changed while saving' });
    store.getState().markSaved(1);
    expect(store.getState().saveState).toBe('unsaved');
    store.getState().markSaved(2);
    expect(store.getState().saveState).toBe('saved');
    store.getState().markSaveFailed('boom');
    expect(store.getState().saveState).toBe('error');
  });

  it('counts diagnostics per node and edge', () => {
    expect(
      countDiagnostics([
        { code: 'a', severity: 'error', message: '', nodeId: 'n_1' },
        { code: 'b', severity: 'warning', message: '', nodeId: 'n_1' },
        { code: 'c', severity: 'error', message: '', edgeId: 'e_1' },
        { code: 'd', severity: 'info', message: '' },
      ]),
    ).toEqual({ n_1: { errors: 1, warnings: 1 }, e_1: { errors: 1, warnings: 0 } });
  });
});

describe('diagnostics from a new compile', () => {
  const problems = [
    { code: 'no_trigger', severity: 'error' as const, message: 'A flow needs one trigger' },
    { code: 'unmapped', severity: 'warning' as const, message: 'Field x is not mapped', nodeId: 'n_1' },
    { code: 'no_contract', severity: 'warning' as const, message: 'No contract', edgeId: 'e_1' },
  ];

  it('keeps the previous list and counts when the problems did not change', () => {
    const store = createEditorStore('f', emptySource());
    store.getState().setDiagnostics(problems);
    const { diagnostics, diagnosticCounts } = store.getState();
    store.getState().setDiagnostics(problems.map((d) => ({ ...d })));
    expect(store.getState().diagnostics).toBe(diagnostics);
    expect(store.getState().diagnosticCounts).toBe(diagnosticCounts);
  });

  it('takes a changed list, keeping the count object of every node or edge whose counts did not change', () => {
    const store = createEditorStore('f', emptySource());
    store.getState().setDiagnostics(problems);
    const before = store.getState().diagnosticCounts;
    const changed = [
      ...problems,
      { code: 'bad_rule', severity: 'error' as const, message: 'Bad', nodeId: 'n_2' },
    ];
    store.getState().setDiagnostics(changed);
    const after = store.getState().diagnosticCounts;
    expect(store.getState().diagnostics).toBe(changed);
    expect(after['n_1']).toBe(before['n_1']);
    expect(after['e_1']).toBe(before['e_1']);
    expect(after['n_2']).toEqual({ errors: 1, warnings: 0 });
    store.getState().setDiagnostics([{ ...problems[1]!, severity: 'error' }]);
    expect(store.getState().diagnosticCounts['n_1']).toEqual({ errors: 1, warnings: 0 });
    expect(store.getState().diagnosticCounts['e_1']).toBeUndefined();
  });
});

describe('coalesced edits', () => {
  it('typing in one field is one undo entry; another field starts a new one', () => {
    const store = createEditorStore('f', emptySource());
    const s = () => store.getState();
    s().perform(addNode, { node: node('n_1'), position: { x: 0, y: 0 } });
    for (const label of ['O', 'Or', 'Ord'])
      s().perform(renameNode, { id: 'n_1', label }, { coalesce: 'label:n_1' });
    expect(s().past).toHaveLength(2);
    s().perform(renameNode, { id: 'n_1', label: 'Order' }, { coalesce: 'other' });
    expect(s().past).toHaveLength(3);
    s().undo();
    expect(s().source.nodes[0]?.label).toBe('Ord');
    s().undo();
    expect(s().source.nodes[0]?.label).toBe('n_1');
  });
});
