/**
 * One ConfigKey → the JSON Schema of its value in a connector config file. Connect's REST API takes
 * Map<String,String>, and Jackson coerces JSON numbers and booleans to strings, so numeric and
 * boolean keys accept a JSON number/boolean or a string that Connect's ConfigDef would parse.
 */
import { toConfigKeyInfo } from '../config/config-infos';
import type { ConfigKey } from '../config/config-def';
import { validatorFacts } from '../config/validators';

export interface JsonSchema {
  [keyword: string]: unknown;
}

/** ConfigDef.parseType: Integer.parseInt / Long.parseLong after trim. */
const INTEGER_PATTERN = '^\\s*[-+]?[0-9]+\\s*$';
/** Double.parseDouble after trim (decimal and exponent forms). */
const DOUBLE_PATTERN = '^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?[dDfF]?\\s*$';
/** ConfigDef BOOLEAN: trimmed, equalsIgnoreCase("true"/"false"). */
const BOOLEAN_PATTERN = '^\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\\s*$';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex alternative matching `s` in any letter case (JSON Schema patterns have no flags). */
function anyCase(s: string): string {
  return [...escapeRegex(s)]
    .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c))
    .join('');
}

/**
 * Enum values of a key: validatorFacts() for Connect's validators; for plugin validators that only
 * print their values (Debezium's Field validators "a, b", the JDBC sink's "[a, b]") the printed list,
 * matched case-insensitively as those connectors do.
 */
export function enumOf(key: ConfigKey): { values: readonly string[]; caseInsensitive: boolean } | null {
  const facts = validatorFacts(key.validator);
  if (facts.enum && facts.enum.length > 0)
    return { values: facts.enum, caseInsensitive: facts.caseInsensitive === true };
  if (key.validator && facts.descriptions.length === 1) {
    const m = /^\[?([\w+.-]+(?:, [\w+.-]+)+)\]?$/.exec(facts.descriptions[0] ?? '');
    if (m?.[1]) return { values: m[1].split(', '), caseInsensitive: true };
  }
  return null;
}

/** The documentation as Markdown: the doc, then type, default and valid values. */
export function markdownDoc(key: ConfigKey, extra?: string): string {
  const info = toConfigKeyInfo(key);
  const lines = [key.documentation ?? ''];
  if (extra) lines.push(extra);
  const meta = [`Type: \`${key.type}\``, `Importance: ${key.importance}`];
  if (key.hasDefault())
    meta.push(`Default: \`${info.default_value === null ? 'null' : info.default_value}\``);
  else meta.push('Required');
  const e = enumOf(key);
  if (e) meta.push(`Valid values: ${e.values.map((v) => `\`${v}\``).join(', ')}`);
  else {
    const facts = validatorFacts(key.validator);
    const printed = facts.descriptions.filter((d) => d.length > 0).join(', ');
    if (printed) meta.push(`Valid values: ${printed}`);
  }
  lines.push(meta.join(' · '));
  return lines.filter((l) => l.length > 0).join('\n\n');
}

export function keySchema(key: ConfigKey, extraDoc?: string): JsonSchema {
  const info = toConfigKeyInfo(key);
  const s: JsonSchema = { markdownDescription: markdownDoc(key, extraDoc) };
  const facts = validatorFacts(key.validator);
  const e = enumOf(key);
  switch (key.type) {
    case 'INT':
    case 'SHORT':
    case 'LONG':
      s['type'] = ['string', 'integer'];
      s['pattern'] = INTEGER_PATTERN;
      if (facts.minimum !== undefined) s['minimum'] = Number(facts.minimum);
      if (facts.maximum !== undefined) s['maximum'] = Number(facts.maximum);
      break;
    case 'DOUBLE':
      s['type'] = ['string', 'number'];
      s['pattern'] = DOUBLE_PATTERN;
      if (facts.minimum !== undefined) s['minimum'] = Number(facts.minimum);
      if (facts.maximum !== undefined) s['maximum'] = Number(facts.maximum);
      break;
    case 'BOOLEAN':
      s['type'] = ['string', 'boolean'];
      s['pattern'] = BOOLEAN_PATTERN;
      s['examples'] = ['true', 'false'];
      break;
    case 'LIST':
      s['type'] = 'string';
      if (e) {
        const alt = `(${e.values.map((v) => (e.caseInsensitive ? anyCase(v) : escapeRegex(v))).join('|')})`;
        s['pattern'] = `^\\s*(${alt}(\\s*,\\s*${alt})*)?\\s*$`;
        s['examples'] = [...e.values];
      }
      break;
    default:
      s['type'] = 'string';
      if (e) {
        if (e.caseInsensitive) {
          s['pattern'] = `^\\s*(${e.values.map(anyCase).join('|')})\\s*$`;
          s['examples'] = [...e.values];
        } else s['enum'] = [...e.values];
      }
  }
  if (s['pattern'] !== undefined) {
    s['patternErrorMessage'] =
      e !== null ? `Valid values: ${e.values.join(', ')}` : `Connect parses ${key.name} as ${key.type}`;
  }
  if (key.hasDefault() && info.default_value !== null) s['default'] = info.default_value;
  return s;
}
