import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';

// Shapes of the replay and what-if API (docs/architecture.md, "Replay"), derived from the server's
// schemas (see api-types.ts).

export type RunCounts = Static<typeof Api.RunCounts>;
/** A version number, or the flow's current draft. */
export type ReplayAgainst = Static<typeof Api.ReplayAgainst>;
export type TraceDiff = Static<typeof Api.TraceDiff>;
export type StepDiff = TraceDiff['steps'][number];
export type StepSide = StepDiff['before'];
export type FieldChange = StepDiff['fields'][number];
/** A check as the diff names it (`result` is a plain string in the API schema). */
export type CheckRef = StepDiff['startedFailing'][number];
export type ReplayResult = Static<typeof Api.ReplayResponse>;
export type WhatIfReport = Static<typeof Api.WhatIfReport>;
/** `limit` has a server default, so the client may leave it out. */
export type WhatIfBody = Omit<Static<typeof Api.WhatIfBody>, 'limit'> & { limit?: number };
