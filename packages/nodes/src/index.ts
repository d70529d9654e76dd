export type {
  AnyNodeKindDefinition,
  Clock,
  ColumnSpec,
  CompileInput,
  CompileOutput,
  CompileStep,
  ExecuteContext,
  ExecuteResult,
  ExecuteStep,
  ExpressionRunner,
  FieldSet,
  KindSpec,
  NodeKindDefinition,
  PortSpec,
  UpsertRequest,
  WriteTargets,
} from './kind-definition.js';
export { getKind, isNodeKind, kindsByName, nodeKinds, type KindDefinitions } from './registry.js';
export {
  createExpressionRunner,
  pinnedTimeBindings,
  type ExpressionRunnerOptions,
} from './expressions/expression-runner.js';
export { parseExpression, type ParseResult } from './expressions/parse-expression.js';
export { ExpressionError } from './expressions/expression-error.js';
export { isCalendarDate, isEmail } from './expressions/baton-functions.js';
export { recordKeyOf } from './record/record-key.js';
export { isRecordObject, readPath } from './record/field-path.js';
export { triggerKind } from './trigger/index.js';
export {
  TriggerConfig,
  TRIGGER_MODES,
  SUPPORTED_TRIGGER_MODES,
  ScheduleSettings,
  ScheduleSource,
} from './trigger/spec.js';
export { cronSyntaxError } from './trigger/cron-syntax.js';
export { mappingKind } from './mapping/index.js';
export {
  MappingConfig,
  FieldMapping,
  ComputedField,
  Transform,
  DATE_FORMATS,
  type DateFormat,
} from './mapping/spec.js';
export { applyTransform, applyTransforms, parseDate } from './mapping/transforms.js';
export { validationKind } from './validation/index.js';
export { ValidationConfig, ValidationRule } from './validation/spec.js';
export { writeKind } from './write/index.js';
export { WriteConfig, SQL_IDENTIFIER } from './write/spec.js';
export { logKind } from './log/index.js';
export { LogConfig, MASK } from './log/spec.js';
