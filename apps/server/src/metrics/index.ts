export {
  summarizeFlowMetrics,
  flowMetricsReport,
  type FlowMetricsSummary,
  type FlowMetricsReport,
  type TargetState,
} from './flow-metrics.js';
export { PLAYBOOK_TARGETS, changePercent } from './targets.js';
export { portfolio } from './portfolio.js';
export { MetricsProjector } from './run-projector.js';
export { metricsPlugin } from './metrics-plugin.js';
