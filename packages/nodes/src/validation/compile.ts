import type { Diagnostic } from '@baton/schema';
import { parseExpression } from '../expressions/parse-expression.js';
import type { CompileStep } from '../kind-definition.js';
import { rootField } from '../record/field-path.js';
import type { ValidationConfig } from './spec.js';

export const compileValidation: CompileStep<ValidationConfig> = ({ nodeId, config, fieldsIn }) => {
  const diagnostics: Diagnostic[] = [];
  const known = fieldsIn ? new Set(fieldsIn) : null;
  const seen = new Set<string>();
  config.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) {
      diagnostics.push({
        code: 'rule_id_duplicate',
        severity: 'error',
        message: `Rule id "${rule.id}" is used twice`,
        nodeId,
        path: `/rules/${i}/id`,
      });
    }
    seen.add(rule.id);
    const parsed = parseExpression(rule.expression);
    if (!parsed.ok) {
      diagnostics.push({
        code: 'expression_invalid',
        severity: 'error',
        message: `Rule "${rule.name || rule.id}": JSONata does not parse: ${parsed.message}`,
        nodeId,
        path: `/rules/${i}/expression`,
      });
    }
    if (rule.field !== undefined && known && !known.has(rootField(rule.field))) {
      diagnostics.push({
        code: 'rule_field_unknown',
        severity: 'warning',
        message: `Rule "${rule.name || rule.id}" is about "${rule.field}", which does not arrive here`,
        nodeId,
        path: `/rules/${i}/field`,
      });
    }
  });
  return { config, diagnostics, fieldsOut: fieldsIn };
};
