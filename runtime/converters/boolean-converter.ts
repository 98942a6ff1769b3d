import type { ConnectHeaders } from '../api/headers';
import { DataException } from '../data/errors';
import { javaClassOf } from '../data/java-class';
import { Schema } from '../data/schema';
import { SchemaAndValue } from '../data/schema-and-value';
import type { Converter, ConverterConfigKey, ConverterConfigs, HeaderConverter } from './converter';
import { CONVERTER_TYPE_KEY } from './converter-config';
import { SerializationException } from './number-converters';

/**
 * org.apache.kafka.connect.converters.BooleanConverter: one byte through Kafka's BooleanSerializer
 * (1 = true, 0 = false), read back as an optional boolean; messages as Connect and BooleanDeserializer.
 */
export class BooleanConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.BooleanConverter';

  config(): readonly ConverterConfigKey[] {
    return [CONVERTER_TYPE_KEY];
  }

  configure(_configs: ConverterConfigs, _isKey?: boolean): void {}

  fromConnectData(
    _topic: string,
    _headers: ConnectHeaders | null,
    schema: Schema | null,
    value: unknown,
  ): Buffer | null {
    if (schema !== null && schema.type !== 'BOOLEAN')
      throw new DataException(`Invalid schema type for BooleanConverter: ${schema.type}`);
    if (value === null || value === undefined) return null;
    if (typeof value !== 'boolean')
      throw new DataException(
        `BooleanConverter is not compatible with objects of type ${javaClassOf(value)}`,
      );
    return Buffer.from([value ? 1 : 0]);
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | null, value: Uint8Array | null): SchemaAndValue {
    if (value === null) return new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, null);
    let cause: SerializationException | null = null;
    if (value.byteLength !== 1)
      cause = new SerializationException('Size of data received by BooleanDeserializer is not 1');
    else if (value[0] !== 0 && value[0] !== 1)
      cause = new SerializationException(
        `Unexpected byte received by BooleanDeserializer: ${(value[0] << 24) >> 24}`,
      );
    if (cause !== null) throw new DataException('Failed to deserialize boolean: ', { cause });
    return new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, value[0] === 1);
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, value);
  }

  close(): void {}
}
