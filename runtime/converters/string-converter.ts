import type { ConnectHeaders } from '../api/headers';
import { DataException } from '../data/errors';
import { formatValue } from '../data/format-value';
import { Schema } from '../data/schema';
import { SchemaAndValue } from '../data/schema-and-value';
import type { Converter, ConverterConfigKey, ConverterConfigs, HeaderConverter } from './converter';
import {
  CONVERTER_TYPE_CONFIG,
  CONVERTER_TYPE_KEY,
  ConverterConfigException,
  getString,
} from './converter-config';

export const ENCODING_CONFIG = 'converter.encoding';

const ENCODING_KEY: ConverterConfigKey = {
  name: ENCODING_CONFIG,
  type: 'STRING',
  defaultValue: 'UTF-8',
  importance: 'HIGH',
  documentation: 'The name of the Java character set to use for encoding strings as byte arrays.',
  group: null,
  orderInGroup: -1,
  width: 'MEDIUM',
  displayName: 'Encoding',
};

export const STRING_CONVERTER_CONFIG_KEYS: readonly ConverterConfigKey[] = [CONVERTER_TYPE_KEY, ENCODING_KEY];

type Codec = { encode(s: string): Buffer; decode(b: Uint8Array): string };

const view = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

const UTF8: Codec = { encode: (s) => Buffer.from(s, 'utf8'), decode: (b) => view(b).toString('utf8') };
const LATIN1: Codec = {
  encode: (s) => Buffer.from(s.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1'),
  decode: (b) => view(b).toString('latin1'),
};
const ASCII: Codec = {
  encode: (s) => Buffer.from(s.replace(/[^\u0000-\u007f]/g, '?'), 'latin1'),
  decode: (b) =>
    view(b)
      .toString('latin1')
      .replace(/[^\u0000-\u007f]/g, '\ufffd'),
};
const UTF16LE: Codec = {
  encode: (s) => Buffer.from(s, 'utf16le'),
  decode: (b) => view(b).toString('utf16le'),
};
const swap = (b: Buffer): Buffer => {
  const c = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  return c.swap16();
};
const UTF16BE: Codec = {
  encode: (s) => swap(Buffer.from(s, 'utf16le')),
  decode: (b) => swap(view(b)).toString('utf16le'),
};
/** Java "UTF-16": writes a big-endian BOM, reads a BOM when present (big-endian otherwise). */
const UTF16: Codec = {
  encode: (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), UTF16BE.encode(s)]),
  decode: (b) => {
    if (b[0] === 0xff && b[1] === 0xfe) return UTF16LE.decode(b.subarray(2));
    if (b[0] === 0xfe && b[1] === 0xff) return UTF16BE.decode(b.subarray(2));
    return UTF16BE.decode(b);
  },
};

/** Java charset names (and common aliases) → a codec. */
export function codecFor(encoding: string): Codec | null {
  switch (encoding.toUpperCase().replace(/_/g, '-')) {
    case 'UTF-8':
    case 'UTF8':
      return UTF8;
    case 'ISO-8859-1':
    case 'ISO8859-1':
    case 'LATIN1':
      return LATIN1;
    case 'US-ASCII':
    case 'ASCII':
      return ASCII;
    case 'UTF-16LE':
      return UTF16LE;
    case 'UTF-16BE':
      return UTF16BE;
    case 'UTF-16':
      return UTF16;
    default:
      return null;
  }
}

/**
 * org.apache.kafka.connect.storage.StringConverter: value.toString() in `converter.encoding`
 * (UTF-8 by default) and back as an optional string. Numbers print as Java would for the
 * schema's type (FLOAT64 → `1.0E10`).
 */
export class StringConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.storage.StringConverter';
  #codec: Codec = UTF8;

  config(): readonly ConverterConfigKey[] {
    return STRING_CONVERTER_CONFIG_KEYS;
  }

  configure(configs: ConverterConfigs, isKey?: boolean): void {
    const conf =
      isKey === undefined ? configs : { ...configs, [CONVERTER_TYPE_CONFIG]: isKey ? 'key' : 'value' };
    const encoding = getString(conf, ENCODING_KEY);
    const codec = codecFor(encoding);
    if (codec === null) throw new ConverterConfigException(ENCODING_CONFIG, encoding, 'Unsupported encoding');
    this.#codec = codec;
  }

  fromConnectData(
    _topic: string,
    _headers: ConnectHeaders | null,
    schema: Schema | null,
    value: unknown,
  ): Buffer | null {
    if (value === null || value === undefined) return null;
    try {
      return this.#codec.encode(toJavaString(schema, value));
    } catch (e) {
      throw new DataException('Failed to serialize to a string: ', { cause: e });
    }
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | null, value: Uint8Array | null): SchemaAndValue {
    return new SchemaAndValue(
      Schema.OPTIONAL_STRING_SCHEMA,
      value == null ? null : this.#codec.decode(value),
    );
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, value);
  }

  close(): void {}
}

function toJavaString(schema: Schema | null, value: unknown): string {
  return formatValue(value, schema);
}
