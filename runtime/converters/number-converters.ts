/**
 * org.apache.kafka.connect.converters.{Short,Integer,Long,Float,Double}Converter (Connect's
 * NumberConverter family): the value goes through the matching Kafka serializer — big-endian, fixed
 * width — and reads back with an optional schema of that type. Error texts are Connect's (and the
 * Kafka deserializers' size messages, which say just "Deserializer" for Float and Double).
 */
import type { ConnectHeaders } from '../api/headers';
import { DataException } from '../data/errors';
import { javaClassNameOfValue } from '../data/java-class';
import { Schema } from '../data/schema';
import { SchemaAndValue } from '../data/schema-and-value';
import type { Converter, ConverterConfigKey, ConverterConfigs, HeaderConverter } from './converter';
import { CONVERTER_TYPE_KEY } from './converter-config';

/** The Java class a Connect value has: its schema's type decides when there is one. */
const CLASS_BY_SCHEMA_TYPE: Readonly<Record<string, string>> = {
  INT8: 'java.lang.Byte',
  INT16: 'java.lang.Short',
  INT32: 'java.lang.Integer',
  INT64: 'java.lang.Long',
  FLOAT32: 'java.lang.Float',
  FLOAT64: 'java.lang.Double',
  BOOLEAN: 'java.lang.Boolean',
  STRING: 'java.lang.String',
};

export function javaClassOfConnectValue(schema: Schema | null, value: unknown): string {
  const byType = schema !== null ? CLASS_BY_SCHEMA_TYPE[schema.type] : undefined;
  if (byType !== undefined && (typeof value === 'number' || typeof value === 'bigint')) return byType;
  return javaClassNameOfValue(value);
}

/** org.apache.kafka.common.errors.SerializationException. */
export class SerializationException extends Error {}

interface NumberCodec {
  readonly typeName: string;
  readonly javaClass: string;
  readonly schema: Schema;
  readonly deserializerName: string;
  readonly size: number;
  /** Schemaless JS numbers cannot tell Short/Integer or Float/Double apart: what fits is taken. */
  accepts(value: unknown): boolean;
  write(value: unknown, out: Buffer): void;
  read(data: Buffer): number | bigint;
}

const view = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

abstract class NumberConverter implements Converter, HeaderConverter {
  protected abstract readonly codec: NumberCodec;

  config(): readonly ConverterConfigKey[] {
    return [CONVERTER_TYPE_KEY];
  }

  // The Kafka number serializers take no settings; NumberConverterConfig only checks converter.type.
  configure(_configs: ConverterConfigs, _isKey?: boolean): void {}

  fromConnectData(
    _topic: string,
    _headers: ConnectHeaders | null,
    schema: Schema | null,
    value: unknown,
  ): Buffer | null {
    if (value === null || value === undefined) return null;
    const cls = javaClassOfConnectValue(schema, value);
    if (cls !== this.codec.javaClass && !(schema === null && this.codec.accepts(value)))
      throw new DataException(`Failed to serialize to ${this.codec.typeName} (was class ${cls}): `);
    const out = Buffer.alloc(this.codec.size);
    this.codec.write(value, out);
    return out;
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | null, value: Uint8Array | null): SchemaAndValue {
    if (value === null) return new SchemaAndValue(this.codec.schema, null);
    if (value.byteLength !== this.codec.size) {
      const cause = new SerializationException(
        `Size of data received by ${this.codec.deserializerName} is not ${this.codec.size}`,
      );
      throw new DataException(`Failed to deserialize ${this.codec.typeName}: `, { cause });
    }
    return new SchemaAndValue(this.codec.schema, this.codec.read(view(value)));
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, value);
  }

  close(): void {}
}

const SHORT: NumberCodec = {
  typeName: 'short',
  javaClass: 'java.lang.Short',
  schema: Schema.OPTIONAL_INT16_SCHEMA,
  deserializerName: 'ShortDeserializer',
  size: 2,
  accepts: (v) => Number.isInteger(v) && (v as number) >= -32768 && (v as number) <= 32767,
  write: (v, out) => out.writeInt16BE(v as number),
  read: (d) => d.readInt16BE(0),
};
const INTEGER: NumberCodec = {
  typeName: 'integer',
  javaClass: 'java.lang.Integer',
  schema: Schema.OPTIONAL_INT32_SCHEMA,
  deserializerName: 'IntegerDeserializer',
  size: 4,
  accepts: (v) => Number.isInteger(v) && (v as number) >= -2147483648 && (v as number) <= 2147483647,
  write: (v, out) => out.writeInt32BE(v as number),
  read: (d) => d.readInt32BE(0),
};
const LONG: NumberCodec = {
  typeName: 'long',
  javaClass: 'java.lang.Long',
  schema: Schema.OPTIONAL_INT64_SCHEMA,
  deserializerName: 'LongDeserializer',
  size: 8,
  accepts: (v) => typeof v === 'bigint',
  write: (v, out) => out.writeBigInt64BE(BigInt.asIntN(64, v as bigint)),
  read: (d) => d.readBigInt64BE(0),
};
const FLOAT: NumberCodec = {
  typeName: 'float',
  javaClass: 'java.lang.Float',
  schema: Schema.OPTIONAL_FLOAT32_SCHEMA,
  deserializerName: 'Deserializer',
  size: 4,
  accepts: (v) => typeof v === 'number',
  write: (v, out) => out.writeFloatBE(v as number),
  read: (d) => d.readFloatBE(0),
};
const DOUBLE: NumberCodec = {
  typeName: 'double',
  javaClass: 'java.lang.Double',
  schema: Schema.OPTIONAL_FLOAT64_SCHEMA,
  deserializerName: 'Deserializer',
  size: 8,
  accepts: (v) => typeof v === 'number',
  write: (v, out) => out.writeDoubleBE(v as number),
  read: (d) => d.readDoubleBE(0),
};

export class ShortConverter extends NumberConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.ShortConverter';
  protected readonly codec = SHORT;
}
export class IntegerConverter extends NumberConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.IntegerConverter';
  protected readonly codec = INTEGER;
}
export class LongConverter extends NumberConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.LongConverter';
  protected readonly codec = LONG;
}
export class FloatConverter extends NumberConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.FloatConverter';
  protected readonly codec = FLOAT;
}
export class DoubleConverter extends NumberConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.DoubleConverter';
  protected readonly codec = DOUBLE;
}
