/**
 * Validates connector JSON against schemas/connector.schema.json the way the editor does: errors
 * from JSON Schema, warnings from `deprecationMessage` (VS Code's extension keyword). The editor-only
 * keywords (markdownDescription, patternErrorMessage, ...) are annotations for Ajv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';

export const SCHEMAS_DIR = join(__dirname, '..', '..', 'schemas');

export interface SchemaReport {
  errors: string[];
  warnings: string[];
}

export function loadSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMAS_DIR, 'connector.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

function describe(e: ErrorObject): string {
  const custom = (e.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
  const text = e.keyword === 'pattern' && custom ? custom : (e.message ?? e.keyword);
  return `${e.instancePath || '/'} ${text}`;
}

export function makeValidator(
  schema: Record<string, unknown> = loadSchema(),
): (doc: unknown) => SchemaReport {
  let warnings: string[] = [];
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, verbose: true });
  ajv.addKeyword({
    keyword: 'deprecationMessage',
    schemaType: 'string',
    validate: (message: string, _data: unknown, _parent?: unknown, ctx?: { instancePath: string }) => {
      warnings.push(`${ctx?.instancePath ?? ''} ${message}`);
      return true;
    },
  });
  for (const k of ['markdownDescription', 'patternErrorMessage', 'defaultSnippets', 'errorMessage'])
    ajv.addKeyword(k);
  const validate = ajv.compile(schema);
  return (doc) => {
    warnings = [];
    validate(doc);
    // if/then/else wrappers repeat the failing branch's error: keep the leaf errors only.
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describe);
    return { errors: [...new Set(errors)], warnings: [...new Set(warnings)] };
  };
}
