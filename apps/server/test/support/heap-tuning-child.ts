// Run by heap-tuning.test.ts in a node of its own (V8 flags are process-wide):
//   node --import tsx heap-tuning-child.ts <tuned|plain> <path of heap-tuning.ts>
// Prints the young generation's size before, while "loading" (a burst of allocations whose
// objects survive scavenges, which is what makes V8 grow it) and at its peak afterwards.
import { getHeapSpaceStatistics } from 'node:v8';
import type { tuneHeap as TuneHeap } from '../../src/heap-tuning.js';

const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
const [mode, modulePath] = process.argv.slice(2);
const { tuneHeap } = (await import(modulePath!)) as { tuneHeap: typeof TuneHeap };
const start = newSpace();
const loaded = mode === 'tuned' ? tuneHeap({ semiSpaceMiB: 4, heapGrowingPercent: 35 }) : () => {};
const keep: Array<{ i: number; s: string }> = [];
const churn = (n: number) => {
  for (let i = 0; i < n; i++) {
    keep.push({ i, s: `x${i}` });
    if (keep.length > 200_000) keep.splice(0, 100_000);
  }
};
churn(1_000_000);
const whileLoading = newSpace();
loaded();
let peak = 0;
for (let turn = 0; turn < 60; turn++) {
  churn(20_000);
  peak = Math.max(peak, newSpace());
  await new Promise((resolve) => setImmediate(resolve));
}
console.log(JSON.stringify({ start, whileLoading, peak }));
