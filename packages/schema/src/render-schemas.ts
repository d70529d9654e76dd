import { FlowSource } from './source.js';
import { Plan } from './plan.js';

/** The generated JSON Schema documents, by file name, as the exact text checked in. */
export function renderSchemas(): Record<string, string> {
  const doc = (schema: object) =>
    `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema }, null, 2)}\n`;
  return {
    'flow-source.schema.json': doc(FlowSource),
    'plan.schema.json': doc(Plan),
  };
}
