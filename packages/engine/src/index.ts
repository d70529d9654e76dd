export { runPlan, PlanInvalidError, type EngineDeps, type RunOptions } from './run-plan.js';
export { runStatusOf } from './run-status.js';
export { createMemoryTargets, type MemoryTargets, type MemoryTargetsOptions } from './memory-targets.js';
export { createFixedClock, systemClock } from './fixed-clock.js';
export { clockReadingsOf, createReplayClock } from './replay-clock.js';
export { createRecordedTargets, type RecordedTargetsOptions } from './recorded-targets.js';
