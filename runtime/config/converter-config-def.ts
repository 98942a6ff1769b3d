/**
 * Builds the ConfigDef of a converter from the key list runtime/converters declares
 * (ConverterConfigKey, structurally typed here to keep this layer free of converter imports).
 * Restores what the list cannot express, as Connect's ConverterConfig/JsonConverterConfig define it:
 * `converter.type` is required with ValidString [key, value, header]; `decimal.format` is
 * CaseInsensitiveValidString; other validValues are ValidString.
 */
import { ConfigDef } from './config-def';
import type { ConfigType, Importance, Width } from './config-def';
import { CaseInsensitiveValidString, ValidString } from './validators';

export interface ConverterKeyLike {
  readonly name: string;
  readonly type: ConfigType;
  readonly defaultValue: unknown;
  readonly importance: Importance;
  readonly documentation: string | null;
  readonly group: string | null;
  readonly orderInGroup: number;
  readonly width: Width;
  readonly displayName: string;
  readonly validValues?: readonly string[];
}

export const CONVERTER_TYPE_CONFIG = 'converter.type';
const CASE_INSENSITIVE_KEYS = new Set(['decimal.format']);

export function configDefFromConverterKeys(keys: readonly ConverterKeyLike[]): ConfigDef {
  const def = new ConfigDef();
  for (const k of keys) {
    const common = {
      name: k.name,
      type: k.type,
      importance: k.importance,
      documentation: k.documentation,
      group: k.group,
      orderInGroup: k.orderInGroup,
      width: k.width,
      displayName: k.displayName,
    };
    if (k.name === CONVERTER_TYPE_CONFIG) {
      def.define({ ...common, validator: ValidString.in('key', 'value', 'header') });
      continue;
    }
    const valid = k.validValues;
    const validator =
      valid && valid.length > 0
        ? CASE_INSENSITIVE_KEYS.has(k.name)
          ? CaseInsensitiveValidString.in(...valid)
          : ValidString.in(...valid)
        : null;
    def.define({ ...common, defaultValue: k.defaultValue, validator });
  }
  return def;
}
