import type { Diagnostic, FlowSource, Plan, Step, Trace } from '@baton/schema';
import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import type { WhatIfReport } from './replay-types';

// Shapes of the HTTP API (docs/architecture.md), derived from the TypeBox schemas the server
// validates and documents its routes with (@baton/schema/api): a schema change that the web app
// does not follow is a compile error, not a silent drift. Type-only imports: no schema object
// reaches the bundle.

export type FlowSummary = Static<typeof Api.FlowSummary>;
export type FlowList = Static<typeof Api.FlowList>;
export type ChangeNote = Static<typeof Api.ChangeNote>;
/** A version with who wrote, signed, approved and published it (the gate's fields). */
export type VersionSummary = Static<typeof Api.VersionSummary>;
export type FlowDetail = Static<typeof Api.FlowDetail>;
export type VersionDetail = Static<typeof Api.VersionDetail>;
export type CreateFlowRequest = Static<typeof Api.CreateFlowBody>;
export type SaveDraftResponse = Static<typeof Api.DraftSaved>;
export type CompileResponse = Static<typeof Api.CompileResponse>;
export type TestRunResponse = Static<typeof Api.TestRunResponse>;
export type SubmitVersionResponse = Static<typeof Api.SubmitVersionResponse>;
export type PublishResponse = Static<typeof Api.PublishResponse>;
export type RollbackResponse = Static<typeof Api.RollbackResponse>;

export type RunSummary = Static<typeof Api.RunSummary>;
export type RunPage = Static<typeof Api.RunPage>;
export type Run = Static<typeof Api.RunDetail>;
/** The runs list's query; `limit` has a server default, so every key is optional here. */
export type RunFilter = Partial<Static<typeof Api.RunsQuery>>;

export type { Diagnostic, FlowSource, Plan, Trace, Step };
export type {
  FieldChange,
  ReplayAgainst,
  ReplayResult,
  RunCounts,
  StepDiff,
  TraceDiff,
  WhatIfBody,
} from './replay-types';
export type { WhatIfReport };
