/** Rewrites schemas/ and snippets/ from the ConfigDefs: `node --import tsx runtime/schemas/write-schemas.ts`. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSchemaFiles } from './generate';
import { generateSnippets, SNIPPETS_FILE } from './snippets';

const root = resolve(__dirname, '..', '..');
for (const [file, text] of generateSchemaFiles()) {
  writeFileSync(join(root, 'schemas', file), text);
  console.log(`wrote schemas/${file}`);
}
writeFileSync(join(root, 'snippets', SNIPPETS_FILE), `${JSON.stringify(generateSnippets(), null, 2)}\n`);
console.log(`wrote snippets/${SNIPPETS_FILE}`);
