import type { Diagnostic } from '@baton/schema';
import type { CompileStep } from '../kind-definition.js';
import type { WriteConfig } from './spec.js';

export const compileWrite: CompileStep<WriteConfig> = ({ nodeId, config, fieldsIn }) => {
  const diagnostics: Diagnostic[] = [];
  config.keyFields.forEach((field, i) => {
    if (config.keyFields.indexOf(field) !== i) {
      diagnostics.push({
        code: 'write_key_duplicate',
        severity: 'error',
        message: `Key field "${field}" is listed twice`,
        nodeId,
        path: `/keyFields/${i}`,
      });
    } else if (fieldsIn && !fieldsIn.includes(field)) {
      diagnostics.push({
        code: 'write_key_not_upstream',
        severity: 'error',
        message: `Key field "${field}" does not arrive at this node (arriving: ${fieldsIn.join(', ') || 'none'})`,
        nodeId,
        path: `/keyFields/${i}`,
      });
    }
  });
  return { config, diagnostics, fieldsOut: fieldsIn };
};
