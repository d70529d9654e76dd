/**
 * The weekly status of a pilot, written from data: what shipped, what is blocked, the metrics
 * against the baseline and what comes next. Pure (no I/O) so it is tested on constructed data.
 * The report stays under 300 words: lists shrink (", and N more") until it fits.
 */

export const MAX_STATUS_WORDS = 299;

export type TargetState = 'met' | 'on-track' | 'not-met' | 'no-baseline';

/** The part of the metrics helper's `FlowMetricsSummary` the report reads (structurally compatible). */
export interface MetricsFigures {
  count: number;
  ttv: { p50Ms: number | null; p90Ms?: number | null; meanMs?: number | null };
  reworkRate: number | null;
  slaAdherence: number | null;
  baseline: { ttvP50Ms: number | null; reworkRate: number | null; slaAdherence: number | null } | null;
  targets: { ttv: TargetState; rework: TargetState; sla: TargetState };
}

export interface StatusInput {
  flowName: string;
  week: { from: string; to: string };
  shipped: Array<{ version: number; publishedAt: string; reason: string }>;
  followUps: Array<{ field: string | null; message: string }>;
  deadLetters: Array<{ recordKey: string | null; error: string }>;
  pendingApprovals: Array<{ version: number; state: string }>;
  metrics: MetricsFigures | null;
  nextSteps: string[];
}

/**
 * Words as a reader counts them: whitespace-separated tokens with a letter or digit in them
 * (markdown marks such as `#` and `-` are not words). The web app counts the same way.
 */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** At most `max` words of `text`, with an ellipsis when cut; keeps one item from eating the budget. */
function clip(text: string, max: number): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length <= max ? words.join(' ') : `${words.slice(0, max).join(' ')}…`;
}

function listed(lines: string[], limit: number, noun: string): string[] {
  if (lines.length <= limit) return lines.map((l) => `- ${l}`);
  const shown = lines.slice(0, limit).map((l) => `- ${l}`);
  const rest = lines.length - limit;
  return [...shown, `- …and ${rest} more ${noun}`];
}

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 48 * 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

export function formatPercent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

const TARGET_WORDS: Record<TargetState, string> = {
  met: 'target met',
  'on-track': 'on track',
  'not-met': 'target not met',
  'no-baseline': 'no baseline',
};

function change(live: number, base: number): string {
  if (base === 0) return '';
  const pct = Math.round(((live - base) / base) * 100);
  return `, ${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

function metricLine(
  label: string,
  live: number | null,
  base: number | null | undefined,
  format: (n: number) => string,
  target: TargetState,
): string {
  if (live === null) return `${label}: no data yet (${TARGET_WORDS[target]})`;
  const against =
    base === null || base === undefined ? '' : ` vs baseline ${format(base)}${change(live, base)}`;
  return `${label}: ${format(live)}${against} (${TARGET_WORDS[target]})`;
}

function metricsSection(metrics: MetricsFigures | null): string[] {
  if (!metrics) return ['- No metrics for this week.'];
  const b = metrics.baseline;
  return [
    `- Records: ${metrics.count}`,
    `- ${metricLine('Time-to-Value p50', metrics.ttv.p50Ms, b?.ttvP50Ms, formatDuration, metrics.targets.ttv)}`,
    `- ${metricLine('Rework rate', metrics.reworkRate, b?.reworkRate, formatPercent, metrics.targets.rework)}`,
    `- ${metricLine('SLA adherence', metrics.slaAdherence, b?.slaAdherence, formatPercent, metrics.targets.sla)}`,
  ];
}

function render(input: StatusInput, limit: number, clipAt: number): string {
  const day = (iso: string) => iso.slice(0, 10);
  const shipped = input.shipped.map(
    (s) => `Version ${s.version} published ${day(s.publishedAt)}: ${clip(s.reason, clipAt)}`,
  );
  const blocked: string[] = [];
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (input.followUps.length > 0) {
    blocked.push(`${plural(input.followUps.length, 'open follow-up', 'open follow-ups')}`);
    blocked.push(
      ...listed(
        input.followUps.map((f) => clip(f.field ? `${f.field}: ${f.message}` : f.message, clipAt)),
        limit,
        'follow-ups',
      ).map((l) => `  ${l}`),
    );
  }
  if (input.deadLetters.length > 0) {
    blocked.push(`${plural(input.deadLetters.length, 'dead letter', 'dead letters')}`);
    blocked.push(
      ...listed(
        input.deadLetters.map((d) => clip(`${d.recordKey ?? 'record'}: ${d.error}`, clipAt)),
        limit,
        'dead letters',
      ).map((l) => `  ${l}`),
    );
  }
  if (input.pendingApprovals.length > 0) {
    const shown = Math.max(limit, 1);
    const versions = input.pendingApprovals
      .slice(0, shown)
      .map((p) => `v${p.version} (${p.state.replace('_', ' ')})`);
    const more = input.pendingApprovals.length - shown;
    blocked.push(
      `${plural(input.pendingApprovals.length, 'pending approval', 'pending approvals')}: ${versions.join(', ')}${more > 0 ? `, and ${more} more` : ''}`,
    );
  }
  const lines = [
    `# Weekly status: ${clip(input.flowName, 10)}`,
    `Week of ${day(input.week.from)} to ${day(new Date(Date.parse(input.week.to) - 1).toISOString())}`,
    '',
    '## Shipped',
    ...(shipped.length > 0 ? listed(shipped, limit, 'versions') : ['- Nothing published this week.']),
    '',
    '## Blocked',
    ...(blocked.length > 0
      ? blocked.map((l) => (l.startsWith('  ') ? l : `- ${l}`))
      : ['- Nothing blocked.']),
    '',
    '## Metrics vs baseline',
    ...metricsSection(input.metrics),
    '',
    '## Next',
    ...(input.nextSteps.length > 0
      ? listed(
          input.nextSteps.map((s) => clip(s, clipAt)),
          limit,
          'steps',
        )
      : ['- Keep the hand-off running and watch the metrics.']),
  ];
  return `${lines.join('\n')}\n`;
}

/** The report as markdown and its word count (always ≤ MAX_STATUS_WORDS). */
export function generateStatusReport(input: StatusInput): { markdown: string; wordCount: number } {
  // Shrink the lists first (detail is what a reader skips), then the length of each line.
  for (const clipAt of [16, 8, 4]) {
    for (let limit = 5; limit >= 0; limit -= 1) {
      const markdown = render(input, limit, clipAt);
      const wordCount = countWords(markdown);
      if (wordCount <= MAX_STATUS_WORDS) return { markdown, wordCount };
    }
  }
  // Unreachable in practice (the smallest form is a few dozen words plus a 10-word name).
  const markdown = render(input, 0, 2);
  return { markdown, wordCount: countWords(markdown) };
}
