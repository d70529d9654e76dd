import type { Diagnostic } from '@baton/schema';
import { parseExpression } from '../expressions/parse-expression.js';
import type { CompileStep } from '../kind-definition.js';
import { rootField } from '../record/field-path.js';
import type { MappingConfig } from './spec.js';

export const compileMapping: CompileStep<MappingConfig> = ({ nodeId, config, fieldsIn }) => {
  const diagnostics: Diagnostic[] = [];
  const known = fieldsIn ? new Set(fieldsIn) : null;
  const targets = new Map<string, string>();

  const claimTarget = (to: string, path: string): void => {
    const first = targets.get(to);
    if (first !== undefined) {
      diagnostics.push({
        code: 'mapping_target_duplicate',
        severity: 'error',
        message: `Field "${to}" is produced twice (first at ${first})`,
        nodeId,
        path,
      });
    } else {
      targets.set(to, path);
    }
  };
  const checkExpression = (source: string, path: string): void => {
    const parsed = parseExpression(source);
    if (!parsed.ok) {
      diagnostics.push({
        code: 'expression_invalid',
        severity: 'error',
        message: `JSONata does not parse${parsed.position === null ? '' : ` at ${parsed.position}`}: ${parsed.message}`,
        nodeId,
        path,
      });
    }
  };

  config.fields.forEach((field, i) => {
    claimTarget(field.to, `/fields/${i}/to`);
    if (field.value?.kind === 'expression') checkExpression(field.value.source, `/fields/${i}/value/source`);
    if (field.from !== undefined && known && !known.has(rootField(field.from))) {
      diagnostics.push({
        code: 'mapping_source_unknown',
        severity: 'warning',
        message: `"${field.from}" is not among the fields arriving here (${[...known].join(', ') || 'none'})`,
        nodeId,
        path: `/fields/${i}/from`,
      });
    }
  });
  config.computed.forEach((field, i) => {
    claimTarget(field.to, `/computed/${i}/to`);
    checkExpression(field.expression, `/computed/${i}/expression`);
  });

  const produced = [...targets.keys()];
  let fieldsOut: readonly string[] | null = produced;
  if (config.keepUnmapped) fieldsOut = fieldsIn ? [...new Set([...fieldsIn, ...produced])] : null;
  return { config, diagnostics, fieldsOut };
};
