import { useMemo, useRef, useState } from 'react';
import type { SourceNode } from '@baton/schema';
import type { FieldMapping, MappingConfig } from '@baton/nodes';
import { useEditor, useEditorStoreApi } from '../store/editor-store-context';
import type { Command } from '../commands/command';
import { autoMapFields, mapField, unmapField, updateFieldMapping } from '../commands/mapping-commands';
import { currentSampleRecord } from '../test-run/sample-record';
import { autoMapPairs } from './auto-map';
import { lineMidpoint } from './line-geometry';
import { parseSampleText, sourceFieldsOf, targetFieldsOf, type MapperField } from './mapper-fields';
import { SourceColumn, TargetColumn } from './field-column';
import { MapperLines, type MapperLine } from './mapper-lines';
import { LinePopover } from './line-popover';
import { PreviewPanel } from './preview-panel';
import { SampleEditor } from './sample-editor';
import { useRowAnchors } from './use-row-anchors';
import { useLineDrag } from './use-line-drag';
import { useMappingPreview } from './use-mapping-preview';
import './mapper.css';

export interface VisualMapperProps {
  node: SourceNode;
  /** Full-screen layout: preview and sample beside the map instead of below it. */
  wide?: boolean;
  onExpand?: () => void;
}

/**
 * The drag-a-line field mapper of a mapping node. Every edit is a named command on the flow
 * document (one gesture, one undo entry); the sample record and the open popover are view state.
 */
export function VisualMapper({ node, wide = false, onExpand }: VisualMapperProps) {
  const store = useEditorStoreApi();
  const flowId = useEditor((s) => s.flowId);
  const source = useEditor((s) => s.source);
  const live = source.nodes.find((n) => n.id === node.id) ?? node;
  const config = configOf(live.config);

  const sampleKey = mapperSampleKey(flowId, node.id);
  const [sampleText, setSampleTextState] = useState(
    () => readSession(sampleKey) ?? sampleTextOf(currentSampleRecord(flowId, source)),
  );
  // Kept for the tab's lifetime so the side panel and the full-screen mapper share one sample.
  const setSampleText = (text: string) => {
    setSampleTextState(text);
    writeSession(sampleKey, text);
  };
  const sample = useMemo(() => parseSampleText(sampleText), [sampleText]);
  const sampleRecord = sample.ok ? sample.record : null;
  const [showSample, setShowSample] = useState(false);
  const [extraTargets, setExtraTargets] = useState<string[]>([]);
  const [pending, setPending] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const sources = useMemo(
    () => sourceFieldsOf(source, node.id, sampleRecord, config.fields),
    [source, node.id, sampleRecord, config.fields],
  );
  const targets = useMemo(() => {
    const listed = targetFieldsOf(source, node.id, config.fields);
    const extra = extraTargets
      .filter((name) => !listed.some((f) => f.name === name))
      .map((name): MapperField => ({ name, kind: 'unknown', required: false, origin: 'mapped' }));
    return [...listed, ...extra];
  }, [source, node.id, config.fields, extraTargets]);
  const preview = useMappingPreview(config, sampleRecord);

  const perform = <A,>(command: Command<A>, args: A, coalesce?: string) =>
    store
      .getState()
      .perform(command, args, coalesce ? { coalesce: `${node.id}:mapper.${coalesce}` } : undefined);
  const connect = (from: string, to: string) => {
    perform(mapField, { nodeId: node.id, from, to });
    setPending(null);
  };

  const container = useRef<HTMLDivElement>(null);
  const { anchors, rowRef } = useRowAnchors(container);
  const { drag, startDrag, wasDrag } = useLineDrag(container, connect);

  const produced = new Map(config.fields.map((f) => [f.to, f.value ? f.value.kind : 'path'] as const));
  const errors = new Set(preview?.fields.filter((r) => r.error).map((r) => r.to) ?? []);
  const lines: MapperLine[] = config.fields.flatMap((f) =>
    f.from !== undefined && f.value === undefined
      ? [{ from: f.from, to: f.to, transforms: f.transforms?.length ?? 0, hasError: errors.has(f.to) }]
      : [],
  );
  const mappedSources = new Set(lines.map((l) => l.from));
  const missing = targets.filter((t) => t.required && !produced.has(t.name));
  const openField = open === null ? undefined : config.fields.find((f) => f.to === open);
  const autoPairs = autoMapPairs(
    sources.map((f) => f.name),
    targets.map((f) => f.name),
    config.fields,
  );

  const popoverAt = (() => {
    if (!openField) return null;
    const a = openField.from !== undefined ? anchors.sources[openField.from] : undefined;
    const b = anchors.targets[openField.to];
    if (a && b && openField.value === undefined) return lineMidpoint(a, b);
    return b ? { x: b.x, y: b.y } : { x: anchors.width / 2, y: 0 };
  })();

  const map = (
    <div
      className="mapper-map"
      ref={container}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        if (pending || open) event.stopPropagation();
        setPending(null);
        setOpen(null);
      }}
    >
      <SourceColumn
        fields={sources}
        mapped={mappedSources}
        pending={pending}
        rowRef={(name) => rowRef('source', name)}
        onPointerDown={startDrag}
        onSelect={(name) => {
          if (wasDrag()) return;
          setOpen(null);
          setPending((current) => (current === name ? null : name));
        }}
      />
      <div className="mapper-gutter" aria-hidden="true" />
      <TargetColumn
        fields={targets}
        produced={produced}
        pending={pending}
        rowRef={(name) => rowRef('target', name)}
        onPick={(name) => {
          if (pending) connect(pending, name);
          else if (produced.has(name)) setOpen(name);
        }}
        onAdd={(name) => {
          setExtraTargets((list) => (list.includes(name) ? list : [...list, name]));
          if (pending) connect(pending, name);
        }}
      />
      <MapperLines lines={lines} anchors={anchors} drag={drag} active={open} onOpen={setOpen} />
      {openField && popoverAt ? (
        <LinePopover
          nodeId={node.id}
          field={openField}
          sources={sources.map((f) => f.name)}
          preview={preview?.fields.find((r) => r.to === openField.to)}
          at={popoverAt}
          bounds={{ width: anchors.width }}
          onChange={(field: FieldMapping, coalesce?: string) =>
            perform(
              updateFieldMapping,
              { nodeId: node.id, to: openField.to, field },
              coalesce ? `${openField.to}.${coalesce}` : undefined,
            )
          }
          onDelete={() => {
            perform(unmapField, { nodeId: node.id, to: openField.to });
            setOpen(null);
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );

  return (
    <div
      className={`mapper${wide ? ' is-wide' : ''}`}
      aria-label="Visual field mapper"
      role="region"
      onKeyDown={(event) => {
        if (event.key !== 'Delete' && event.key !== 'Backspace') return;
        const el = event.target as HTMLElement;
        if (el.closest('input, textarea, select, .monaco-editor')) return;
        // Delete here means a line, never the canvas selection (the mapping node itself).
        event.stopPropagation();
        const to = el.dataset['badgeTo'] ?? el.dataset['mapperTarget'];
        if (to !== undefined && produced.has(to)) {
          perform(unmapField, { nodeId: node.id, to });
          setOpen(null);
        }
      }}
    >
      <div className="mapper-toolbar">
        <button
          type="button"
          className="btn btn-sm btn-primary"
          disabled={autoPairs.length === 0}
          title={autoPairs.length === 0 ? 'No unmapped target has a source of the same name' : undefined}
          onClick={() => perform(autoMapFields, { nodeId: node.id, pairs: autoPairs })}
        >
          Auto-map{autoPairs.length > 0 ? ` (${autoPairs.length})` : ''}
        </button>
        {!wide ? (
          <button
            type="button"
            className="btn btn-sm"
            aria-pressed={showSample}
            onClick={() => setShowSample((v) => !v)}
          >
            Sample
          </button>
        ) : null}
        <span className="mapper-status" role="status">
          {produced.size} of {targets.length} mapped
          {missing.length > 0 ? (
            <span className="mapper-status-missing"> · {missing.length} required unmapped</span>
          ) : null}
        </span>
        {onExpand ? (
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={onExpand}
            aria-label="Open the mapper full screen"
          >
            ⤢ Expand
          </button>
        ) : null}
      </div>
      {pending ? (
        <p className="mapper-hint" role="status">
          <strong className="mono">{pending}</strong> selected: pick a target field (Enter) to map it, Escape
          to cancel.
        </p>
      ) : null}
      <div className="mapper-body">
        <div className="mapper-main">{map}</div>
        <div className="mapper-side">
          {wide || showSample ? (
            <SampleEditor
              text={sampleText}
              error={sample.ok ? null : sample.message}
              onChange={setSampleText}
              onReset={() => setSampleText(sampleTextOf(currentSampleRecord(flowId, source)))}
            />
          ) : null}
          <PreviewPanel
            preview={preview}
            sampleError={sample.ok ? null : sample.message}
            active={open}
            onOpen={setOpen}
          />
        </div>
      </div>
    </div>
  );
}

function configOf(raw: Record<string, unknown>): MappingConfig {
  return {
    fields: Array.isArray(raw['fields']) ? (raw['fields'] as FieldMapping[]) : [],
    computed: Array.isArray(raw['computed']) ? (raw['computed'] as MappingConfig['computed']) : [],
    keepUnmapped: raw['keepUnmapped'] === true,
  };
}

const mapperSampleKey = (flowId: string, nodeId: string) => `baton:mapper-sample:${flowId}:${nodeId}`;

function readSession(key: string): string | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(key);
}

function writeSession(key: string, text: string): void {
  if (typeof sessionStorage !== 'undefined') sessionStorage.setItem(key, text);
}

function sampleTextOf(record: unknown): string {
  return JSON.stringify(record, null, 2);
}
