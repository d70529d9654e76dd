import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptySource, type FlowSource, type SourceNode } from '@baton/schema';
import { createEditorStore } from '../store/editor-store';
import { addNode, renameNode } from '../commands/node-commands';
import { startAutosave } from './autosave';

const node: SourceNode = { id: 'n_1', kind: 'log', kindVersion: 1, label: 'Log', config: {} };

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('debounces edits into one save and reports "saved"', async () => {
    const store = createEditorStore('f', emptySource());
    const saved: FlowSource[] = [];
    const autosave = startAutosave(store, { save: async (s) => void saved.push(s), delayMs: 500 });
    store.getState().perform(addNode, { node, position: { x: 0, y: 0 } });
    store.getState().perform(renameNode, { id: 'n_1', label: 'A' });
    expect(store.getState().saveState).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(499);
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.nodes[0]?.label).toBe('A');
    expect(store.getState().saveState).toBe('saved');
    autosave.stop();
  });

  it('marks a failed save and recovers on flush', async () => {
    const store = createEditorStore('f', emptySource());
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new Error('offline');
    });
    const autosave = startAutosave(store, { save, delayMs: 100 });
    store.getState().perform(addNode, { node, position: { x: 0, y: 0 } });
    await vi.advanceTimersByTimeAsync(100);
    expect(store.getState().saveState).toBe('error');
    expect(store.getState().saveError).toBe('offline');
    fail = false;
    await autosave.flush();
    expect(store.getState().saveState).toBe('saved');
    autosave.stop();
  });

  it('flush saves immediately, including edits made while a save was in flight', async () => {
    const store = createEditorStore('f', emptySource());
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const save = vi.fn(
      (s: FlowSource) =>
        new Promise<void>((resolve) => {
          saved.push(s.nodes[0]?.label ?? '');
          release = resolve;
        }),
    );
    const autosave = startAutosave(store, { save, delayMs: 1000 });
    store.getState().perform(addNode, { node, position: { x: 0, y: 0 } });
    const flushed = autosave.flush();
    store.getState().perform(renameNode, { id: 'n_1', label: 'B' });
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await flushed;
    expect(saved).toEqual(['Log', 'B']);
    expect(store.getState().saveState).toBe('saved');
    autosave.stop();
  });
});
