import { DataException } from '../data/errors';
import { Schema } from '../data/schema';
import { SchemaAndValue } from '../data/schema-and-value';
import { NoSuchElementError, convertToString, parseString } from '../data/values';
import type { ConverterConfigKey, HeaderConverter } from './converter';

const UTF8 = new TextDecoder('utf-8');

/**
 * org.apache.kafka.connect.storage.SimpleHeaderConverter (the worker's default header.converter):
 * writes Values.convertToString as UTF-8; reads by Values.parseString, falling back to BYTES
 * with the raw value when parsing fails (Connect logs a warning there).
 */
export class SimpleHeaderConverter implements HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.storage.SimpleHeaderConverter';

  /**
   * Bytes of recent short plain-string headers (a source connector's constant context headers, e.g.
   * Debezium's four per record): the same Buffer is handed out again, nobody writes into them.
   */
  #strings = new Map<string, Buffer>();

  config(): readonly ConverterConfigKey[] {
    return [];
  }

  configure(): void {}

  toConnectHeader(topic: string, headerKey: string, value: Uint8Array | null): SchemaAndValue {
    if (value == null) return SchemaAndValue.NULL;
    try {
      return parseString(UTF8.decode(value)) ?? SchemaAndValue.NULL;
    } catch (e) {
      if (e instanceof NoSuchElementError)
        throw new DataException(`Failed to deserialize value for header '${headerKey}' on topic '${topic}'`, {
          cause: e,
        });
      return new SchemaAndValue(
        Schema.BYTES_SCHEMA,
        Buffer.from(value.buffer, value.byteOffset, value.byteLength),
      );
    }
  }

  fromConnectHeader(
    _topic: string,
    _headerKey: string,
    schema: Schema | null,
    value: unknown,
  ): Buffer | null {
    if (value == null) return null;
    const plain =
      typeof value === 'string' && value.length <= 128 && schema?.type === 'STRING' && schema.name === null;
    if (plain) {
      const known = this.#strings.get(value);
      if (known) return known;
    }
    const bytes = Buffer.from(convertToString(schema, value) ?? '', 'utf8');
    if (plain) {
      if (this.#strings.size >= 256) this.#strings.clear();
      this.#strings.set(value, bytes);
    }
    return bytes;
  }

  close(): void {}
}
