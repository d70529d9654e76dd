import type { Diagnostic } from '@baton/schema';
import type { CompileStep } from '../kind-definition.js';
import type { LogConfig } from './spec.js';

export const compileLog: CompileStep<LogConfig> = ({ nodeId, config, fieldsIn }) => {
  const diagnostics: Diagnostic[] = [];
  config.mask.forEach((field, i) => {
    // Only a warning: masking a field that never arrives is harmless, but probably a typo.
    if (fieldsIn && !fieldsIn.includes(field)) {
      diagnostics.push({
        code: 'mask_field_unknown',
        severity: 'warning',
        message: `Masked field "${field}" does not arrive at this node`,
        nodeId,
        path: `/mask/${i}`,
      });
    }
  });
  return { config, diagnostics, fieldsOut: fieldsIn };
};
