import type { ConnectHeaders } from '../api/headers';
import type { Schema } from '../data/schema';
import type { SchemaAndValue } from '../data/schema-and-value';

/** Raw configuration as handed to configure(): strings from REST/properties, or typed values. */
export type ConverterConfigs = Readonly<Record<string, unknown>>;

/**
 * One configuration key of a converter, shaped like a ConfigDef.ConfigKey so the worker's ConfigDef
 * can adopt the list as is (runtime/config/ConfigDef was being written in parallel; converters parse
 * their few keys locally with Connect's messages, see converter-config.ts).
 */
export interface ConverterConfigKey {
  readonly name: string;
  readonly type: 'BOOLEAN' | 'INT' | 'STRING';
  readonly defaultValue: boolean | number | string | null;
  readonly importance: 'HIGH' | 'MEDIUM' | 'LOW';
  readonly documentation: string;
  readonly group: string | null;
  readonly orderInGroup: number;
  readonly width: 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';
  readonly displayName: string;
  /** Allowed values (case-insensitive for decimal.format), when the key has a ValidString validator. */
  readonly validValues?: readonly string[];
}

/**
 * org.apache.kafka.connect.storage.Converter. configure() is called once before use; afterwards
 * the converter is used from one task only. fromConnectData returns null for a Kafka null (tombstone).
 */
export interface Converter {
  configure(configs: ConverterConfigs, isKey: boolean): void;
  fromConnectData(
    topic: string,
    headers: ConnectHeaders | null,
    schema: Schema | null,
    value: unknown,
  ): Buffer | null;
  toConnectData(topic: string, headers: ConnectHeaders | null, value: Uint8Array | null): SchemaAndValue;
  /** The converter's configuration keys (Java: ConfigDef config()). */
  config(): readonly ConverterConfigKey[];
  close?(): void;
}

/** org.apache.kafka.connect.storage.HeaderConverter. */
export interface HeaderConverter {
  configure(configs: ConverterConfigs): void;
  fromConnectHeader(topic: string, headerKey: string, schema: Schema | null, value: unknown): Buffer | null;
  toConnectHeader(topic: string, headerKey: string, value: Uint8Array | null): SchemaAndValue;
  config(): readonly ConverterConfigKey[];
  close?(): void;
}

/** ConverterType of ConverterConfig (`converter.type`: key, value or header). */
export type ConverterType = 'key' | 'value' | 'header';
