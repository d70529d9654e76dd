import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemas } from './render-schemas.js';

// Writes the checked-in JSON Schemas; `schema.test.ts` fails when they drift from the TypeBox source.
const dir = fileURLToPath(new URL('../generated/', import.meta.url));
for (const [file, text] of Object.entries(renderSchemas())) {
  writeFileSync(dir + file, text);
}
