import type { ConnectHeaders } from '../api/headers';
import { DataException } from '../data/errors';
import { javaClassOf } from '../data/java-class';
import { Schema } from '../data/schema';
import { SchemaAndValue } from '../data/schema-and-value';
import type { Converter, ConverterConfigKey, HeaderConverter } from './converter';
import { CONVERTER_TYPE_KEY } from './converter-config';

/** org.apache.kafka.connect.converters.ByteArrayConverter: bytes pass through unchanged. */
export class ByteArrayConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.ByteArrayConverter';

  config(): readonly ConverterConfigKey[] {
    return [CONVERTER_TYPE_KEY];
  }

  configure(): void {}

  fromConnectData(
    _topic: string,
    _headers: ConnectHeaders | null,
    schema: Schema | null,
    value: unknown,
  ): Buffer | null {
    if (schema != null && schema.type !== 'BYTES')
      throw new DataException(`Invalid schema type for ByteArrayConverter: ${schema.type}`);
    if (value != null && !(value instanceof Uint8Array))
      throw new DataException(
        `ByteArrayConverter is not compatible with objects of type ${javaClassOf(value)}`,
      );
    if (value == null) return null;
    return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | null, value: Uint8Array | null): SchemaAndValue {
    const bytes =
      value == null
        ? null
        : Buffer.isBuffer(value)
          ? value
          : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, bytes);
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, value);
  }

  close(): void {}
}
