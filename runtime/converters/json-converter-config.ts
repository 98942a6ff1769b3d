import type { ConverterConfigKey, ConverterConfigs, ConverterType } from './converter';
import { CONVERTER_TYPE_KEY, converterType, getBoolean, getInt, getString } from './converter-config';

export type DecimalFormat = 'BASE64' | 'NUMERIC';

export const SCHEMAS_ENABLE_CONFIG = 'schemas.enable';
export const SCHEMAS_CACHE_SIZE_CONFIG = 'schemas.cache.size';
export const SCHEMA_CONTENT_CONFIG = 'schema.content';
export const DECIMAL_FORMAT_CONFIG = 'decimal.format';
export const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';

const SCHEMAS_ENABLE: ConverterConfigKey = {
  name: SCHEMAS_ENABLE_CONFIG,
  type: 'BOOLEAN',
  defaultValue: true,
  importance: 'HIGH',
  documentation: 'Include schemas within each of the serialized values and keys.',
  group: 'Schemas',
  orderInGroup: 0,
  width: 'MEDIUM',
  displayName: 'Enable Schemas',
};
const SCHEMAS_CACHE_SIZE: ConverterConfigKey = {
  name: SCHEMAS_CACHE_SIZE_CONFIG,
  type: 'INT',
  defaultValue: 1000,
  importance: 'HIGH',
  documentation: 'The maximum number of schemas that can be cached in this converter instance.',
  group: 'Schemas',
  orderInGroup: 1,
  width: 'MEDIUM',
  displayName: 'Schema Cache Size',
};
const SCHEMA_CONTENT: ConverterConfigKey = {
  name: SCHEMA_CONTENT_CONFIG,
  type: 'STRING',
  defaultValue: null,
  importance: 'HIGH',
  documentation:
    "When set, this is used as the schema for all messages, and the schemas within each of the message will be ignored.Otherwise, the schema will be included in the content of each message. This configuration applies only 'schemas.enable' is true, and it exclusively affects the sink connector.",
  group: 'Schemas',
  orderInGroup: 2,
  width: 'MEDIUM',
  displayName: 'Schema Content',
};
const DECIMAL_FORMAT: ConverterConfigKey = {
  name: DECIMAL_FORMAT_CONFIG,
  type: 'STRING',
  defaultValue: 'BASE64',
  importance: 'LOW',
  documentation:
    "Controls which format this converter will serialize decimals in. This value is case insensitive and can be either 'BASE64' (default) or 'NUMERIC'",
  group: 'Serialization',
  orderInGroup: 0,
  width: 'MEDIUM',
  displayName: 'Decimal Format',
  validValues: ['BASE64', 'NUMERIC'],
};
const REPLACE_NULL_WITH_DEFAULT: ConverterConfigKey = {
  name: REPLACE_NULL_WITH_DEFAULT_CONFIG,
  type: 'BOOLEAN',
  defaultValue: true,
  importance: 'LOW',
  documentation:
    'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.',
  group: 'Serialization',
  orderInGroup: 1,
  width: 'MEDIUM',
  displayName: 'Replace null with default',
};

/** JsonConverterConfig.configDef(), in definition order. */
export const JSON_CONVERTER_CONFIG_KEYS: readonly ConverterConfigKey[] = [
  CONVERTER_TYPE_KEY,
  SCHEMAS_ENABLE,
  SCHEMAS_CACHE_SIZE,
  SCHEMA_CONTENT,
  DECIMAL_FORMAT,
  REPLACE_NULL_WITH_DEFAULT,
];

/** org.apache.kafka.connect.json.JsonConverterConfig: parsed, frozen settings. */
export class JsonConverterConfig {
  readonly type: ConverterType;
  readonly schemasEnabled: boolean;
  readonly schemaCacheSize: number;
  /** schema.content: the schema text every message is read with (null when unset). */
  readonly schemaContent: string | null;
  readonly decimalFormat: DecimalFormat;
  readonly replaceNullWithDefault: boolean;

  constructor(configs: ConverterConfigs) {
    this.type = converterType(configs, 'value');
    this.schemasEnabled = getBoolean(configs, SCHEMAS_ENABLE);
    this.schemaCacheSize = getInt(configs, SCHEMAS_CACHE_SIZE);
    const content = configs[SCHEMA_CONTENT_CONFIG];
    this.schemaContent =
      content === undefined || content === null ? null : getString(configs, SCHEMA_CONTENT);
    this.decimalFormat = getString(configs, DECIMAL_FORMAT, true).toUpperCase() as DecimalFormat;
    this.replaceNullWithDefault = getBoolean(configs, REPLACE_NULL_WITH_DEFAULT);
    Object.freeze(this);
  }
}
