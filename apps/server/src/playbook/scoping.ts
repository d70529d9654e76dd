import type { Candidate } from '@baton/store';
import type { CandidateView } from '@baton/schema/api';

/**
 * Where the scoping grid splits. Fixed rather than relative to the candidates (a median would
 * move a candidate out of the pilot quadrant when another is added): about once per working
 * day or more is frequent; impact 3 of 5 or more is high.
 */
export const SCOPING_THRESHOLDS = { frequencyPerWeek: 5, impact: 3 } as const;

export function quadrantOf(c: Pick<Candidate, 'frequencyPerWeek' | 'impact'>): CandidateView['quadrant'] {
  const frequent = c.frequencyPerWeek >= SCOPING_THRESHOLDS.frequencyPerWeek;
  const high = c.impact >= SCOPING_THRESHOLDS.impact;
  if (frequent && high) return 'pilot';
  if (high) return 'high-impact';
  if (frequent) return 'frequent';
  return 'low';
}

export function candidateView(c: Candidate): CandidateView {
  return { ...c, quadrant: quadrantOf(c) };
}
