/**
 * Schedule and batch triggers. `runScheduleTick` is the unit cluster mode's BullMQ job scheduler
 * calls (with `app.scheduleTickDeps`); embedded mode drives it with croner (`ScheduleManager`).
 */
export { runScheduleTick, publishedSchedule } from './schedule-tick.js';
export type { ScheduleTickDeps, ScheduleTickResult } from './schedule-tick.js';
export { ScheduleManager, previewCron } from './schedule-manager.js';
export { BatchService, newBatchId } from './batch-service.js';
export { readBatchRows, type BatchRow } from './batch-reader.js';
export { triggersPlugin, type TriggersPluginOptions } from './triggers-plugin.js';
export { loadTriggersConfig, type TriggersConfig } from './triggers-config.js';
