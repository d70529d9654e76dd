import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

/**
 * `BENCH_TRACE=<dir>`: a Chromium trace and a sampled CPU profile of each gesture, for finding
 * where a frame goes. Written as `<gesture>.json` (chrome://tracing, Perfetto or DevTools'
 * Performance panel), `<gesture>.cpuprofile` and `<gesture>.png` (the canvas after the gesture),
 * and summarised on the console: CPU time per thread group (renderer main thread: script, style,
 * layout, paint, layerize; raster workers; viz: software compositing of the frame; compositor),
 * the top events per thread and the top script functions. CPU (thread) time, not wall time, so a
 * busy machine inflates it less than the frame figures. `BENCH_TRACE_TOP=<n>` sets the list
 * length (0: totals only), `BENCH_TRACE_CATEGORIES=a,b` adds trace categories (e.g. `viz`).
 * Tracing costs time itself: frame figures of a traced run are not the benchmark's figures.
 */
export const TRACE_DIR = process.env['BENCH_TRACE'];
const TOP = Number(process.env['BENCH_TRACE_TOP'] ?? 25);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur` it does not grow when the machine is busy with other work. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'v8.execute',
  'toplevel',
  'benchmark',
  ...(process.env['BENCH_TRACE_CATEGORIES']?.split(',') ?? []),
].join(',');

export async function startTrace(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  return cdp;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Script self time per function (ms), from the sampled CPU profile taken with the trace. */
function summariseProfile(
  name: string,
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples?.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const label = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(label, (self.get(label) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  if (rows.length) console.log(`\nprofile ${name}: script self time (ms), top ${rows.length}`);
  for (const [label, us] of rows) console.log(`${(us / 1000).toFixed(1).padStart(9)}  ${label}`);
}

export async function stopTrace(cdp: CDPSession, name: string): Promise<void> {
  const done = new Promise<string>((resolve) => {
    cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? ''));
  });
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  if (!TRACE_DIR) return;
  writeFileSync(join(TRACE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  summariseProfile(name, profile);
  writeFileSync(join(TRACE_DIR, `${name}.json`), text);
  summarise(name, (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents);
}

/**
 * Self CPU time (ms) per thread and event: each complete event minus its direct children, in
 * thread time where the event has it (wall time otherwise).
 */
function summarise(name: string, events: TraceEvent[]): void {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const self = new Map<string, number>();
  for (const [key, list] of byThread) {
    const thread = (threads.get(key) ?? key).replace(/\d+$/, '');
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; label: string; self: number }[] = [];
    const flush = (until: number) => {
      while (stack.length && stack.at(-1)!.end <= until) {
        const top = stack.pop()!;
        self.set(top.label, (self.get(top.label) ?? 0) + top.self);
      }
    };
    for (const e of list) {
      flush(e.ts);
      const parent = stack.at(-1);
      const cpu = e.tdur ?? e.dur!;
      if (parent) parent.self -= cpu;
      stack.push({ end: e.ts + e.dur!, label: `${thread} ${e.name}`, self: cpu });
    }
    flush(Infinity);
  }
  const totals = new Map<string, number>();
  for (const [label, us] of self) {
    const group = label.startsWith('CrRendererMain')
      ? 'main'
      : label.includes('Raster') || label.startsWith('ThreadPoolForegroundWorker')
        ? 'raster'
        : label.startsWith('VizCompositor')
          ? 'viz'
          : label.startsWith('Compositor')
            ? 'compositor'
            : 'other';
    totals.set(group, (totals.get(group) ?? 0) + us);
  }
  const busy = ['main', 'raster', 'viz', 'compositor', 'other']
    .map((group) => `${group} ${((totals.get(group) ?? 0) / 1000).toFixed(0)}`)
    .join(', ');
  console.log(`\ntrace ${name}: CPU ms per thread group: ${busy}`);
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  if (rows.length)
    console.log(`\ntrace ${name}: self CPU time (ms) per thread and event, top ${rows.length}`);
  for (const [label, us] of rows) console.log(`${(us / 1000).toFixed(1).padStart(9)}  ${label}`);
}
