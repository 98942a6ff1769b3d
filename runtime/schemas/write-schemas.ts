/** Rewrites schemas/ from the ConfigDefs: `node --import tsx runtime/schemas/write-schemas.ts`. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSchemaFiles } from './generate';

const dir = resolve(__dirname, '..', '..', 'schemas');
for (const [file, text] of generateSchemaFiles()) {
  writeFileSync(join(dir, file), text);
  console.log(`wrote schemas/${file}`);
}
