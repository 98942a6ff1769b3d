import { ConnectException } from '../data/errors';
import type { ConverterConfigKey, ConverterConfigs, ConverterType } from './converter';

/** org.apache.kafka.common.config.ConfigException, with its message format. */
export class ConverterConfigException extends ConnectException {
  static override readonly javaClassName: string = 'org.apache.kafka.common.config.ConfigException';

  constructor(name: string, value: unknown, message?: string) {
    super(`Invalid value ${String(value)} for configuration ${name}${message ? `: ${message}` : ''}`);
  }
}

export const CONVERTER_TYPE_CONFIG = 'converter.type';

/** ConverterConfig.newConfigDef(): the `converter.type` key every converter config has. */
export const CONVERTER_TYPE_KEY: ConverterConfigKey = {
  name: CONVERTER_TYPE_CONFIG,
  type: 'STRING',
  defaultValue: '',
  importance: 'LOW',
  documentation: 'How this converter will be used.',
  group: null,
  orderInGroup: -1,
  width: 'NONE',
  displayName: CONVERTER_TYPE_CONFIG,
  validValues: ['key', 'value', 'header'],
};

/** Reads a BOOLEAN key as ConfigDef.parseType does (boolean, or "true"/"false" ignoring case and blanks). */
export function getBoolean(configs: ConverterConfigs, key: ConverterConfigKey): boolean {
  const raw = configs[key.name];
  if (raw === undefined || raw === null) return key.defaultValue as boolean;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') {
    const t = raw.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
    throw new ConverterConfigException(key.name, raw, 'Expected value to be either true or false');
  }
  throw new ConverterConfigException(key.name, raw, 'Expected value to be either true or false');
}

/** Reads an INT key as ConfigDef.parseType does. */
export function getInt(configs: ConverterConfigs, key: ConverterConfigKey): number {
  const raw = configs[key.name];
  if (raw === undefined || raw === null) return key.defaultValue as number;
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())) {
    const n = Number(raw.trim());
    if (n >= -2147483648 && n <= 2147483647) return n;
  }
  throw new ConverterConfigException(key.name, raw, 'Not a number of type INT');
}

/** Reads a STRING key; with validValues it applies (case-insensitive) ValidString rules. */
export function getString(
  configs: ConverterConfigs,
  key: ConverterConfigKey,
  caseInsensitive = false,
): string {
  const raw = configs[key.name];
  const value = raw === undefined || raw === null ? (key.defaultValue as string) : raw;
  if (typeof value !== 'string')
    throw new ConverterConfigException(
      key.name,
      value,
      'Expected value to be a string, but it was a ' + typeof value,
    );
  const text = value.trim();
  if (key.validValues !== undefined) {
    const ok = caseInsensitive
      ? key.validValues.some((v) => v.toUpperCase() === text.toUpperCase())
      : key.validValues.includes(text);
    if (!ok) {
      const list = `[${key.validValues.join(', ')}]`;
      throw new ConverterConfigException(
        key.name,
        text,
        caseInsensitive
          ? `String must be one of (case insensitive): ${key.validValues.join(', ')}`
          : `String must be one of: ${list.slice(1, -1)}`,
      );
    }
  }
  return text;
}

export function converterType(configs: ConverterConfigs, fallback: ConverterType): ConverterType {
  const raw = configs[CONVERTER_TYPE_CONFIG];
  if (raw === 'key' || raw === 'value' || raw === 'header') return raw;
  return fallback;
}
