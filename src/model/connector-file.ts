import type { ConnectorConfig } from '../../protocol/connect-rest/entities';

/** A connector definition read from a workspace JSON file, in either shape Connect accepts. */
export interface ConnectorFile {
  name: string;
  config: ConnectorConfig;
  /** `wrapped` = `{name, config}` (POST /connectors body), `flat` = PUT /connectors/{c}/config body. */
  shape: 'wrapped' | 'flat';
}

export type ConnectorFileResult =
  | { ok: true; file: ConnectorFile }
  | {
      ok: false;
      reason: 'malformed-json' | 'not-an-object' | 'no-connector-class' | 'no-name' | 'bad-value';
      message: string;
    };

/**
 * Parses connector JSON. Errors name the cause and the next step, because they are shown to the
 * user as-is. `fallbackName` (the file's base name) names flat configs that carry no `name`.
 */
export function parseConnectorFile(text: string, fallbackName?: string): ConnectorFileResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      reason: 'malformed-json',
      message: `The file is not valid JSON (${detail}). Fix the syntax and try again.`,
    };
  }
  if (!isPlainObject(doc)) {
    return {
      ok: false,
      reason: 'not-an-object',
      message:
        'A connector file must be a JSON object: either {"name": ..., "config": {...}} or a flat config map.',
    };
  }
  const wrapped = isPlainObject(doc.config);
  const rawConfig = wrapped ? (doc.config as Record<string, unknown>) : doc;
  const config: ConnectorConfig = {};
  for (const [key, value] of Object.entries(rawConfig)) {
    if (value === null || typeof value === 'object') {
      return {
        ok: false,
        reason: 'bad-value',
        message: `Config value of "${key}" must be a string, number or boolean (Connect configs are string maps).`,
      };
    }
    config[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  if (!config['connector.class']) {
    return {
      ok: false,
      reason: 'no-connector-class',
      message:
        'The config has no "connector.class". Add it (for example "org.apache.kafka.connect.file.FileStreamSourceConnector").',
    };
  }
  const nameFromDoc = wrapped ? doc.name : config.name;
  const name =
    typeof nameFromDoc === 'string' && nameFromDoc.trim() !== '' ? nameFromDoc.trim() : fallbackName;
  if (!name) {
    return { ok: false, reason: 'no-name', message: 'The connector has no "name". Add a "name" field.' };
  }
  return { ok: true, file: { name, config, shape: wrapped ? 'wrapped' : 'flat' } };
}

/** Cheap check used to decide whether a JSON document gets connector CodeLenses. */
export function looksLikeConnectorFile(text: string): boolean {
  return text.includes('"connector.class"');
}

/** Line (0-based) of the first `"key":` in the text, for diagnostics on config keys. */
export function lineOfKey(text: string, key: string): number {
  const idx = text.indexOf(`${JSON.stringify(key)}`);
  if (idx < 0) return 0;
  return text.slice(0, idx).split('\n').length - 1;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
