import type { ConnectHeaders } from '../api/headers';
import { BigDecimal } from '../data/big-decimal';
import { DataException, SchemaBuilderException } from '../data/errors';
import { javaClassOf } from '../data/java-class';
import {
  JavaDouble,
  JavaFloat,
  JsonNumber,
  JsonParseError,
  parseJson,
  quoteJson,
  stringifyJson,
} from '../data/json';
import type { JsonValue } from '../data/json';
import { Date as LogicalDate, Decimal, Time, Timestamp } from '../data/logical-types';
import type { Schema, SchemaType } from '../data/schema';
import { SchemaAndValue } from '../data/schema-and-value';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import type { Converter, ConverterConfigKey, ConverterConfigs, HeaderConverter } from './converter';
import { CONVERTER_TYPE_CONFIG } from './converter-config';
import { JSON_CONVERTER_CONFIG_KEYS, JsonConverterConfig } from './json-converter-config';
import {
  binaryValue,
  booleanValue,
  decimalValue,
  doubleValue,
  elements,
  floatValue,
  getField,
  intValue,
  isInt,
  isIntegralNumber,
  isObject,
  longValue,
  nodeSize,
  nodeType,
  textValue,
} from './json-node';
import { LruCache } from './lru-cache';

/** Schema names #logicalToJson converts (a struct by such a name is not written as a struct). */
const LOGICAL_TYPE_NAMES = new Set([
  Decimal.LOGICAL_NAME,
  LogicalDate.LOGICAL_NAME,
  Time.LOGICAL_NAME,
  Timestamp.LOGICAL_NAME,
]);

/** A JSON tree ready for stringifyJson: Maps keep key order, JavaDouble/JavaFloat/JsonNumber keep Java's number text. */
type JsonOut =
  | null
  | boolean
  | number
  | bigint
  | string
  | Buffer
  | JavaDouble
  | JavaFloat
  | JsonNumber
  | JsonOut[]
  | Map<string, JsonOut>;

const TYPE_NAMES: Readonly<Record<SchemaType, string>> = {
  BOOLEAN: 'boolean',
  INT8: 'int8',
  INT16: 'int16',
  INT32: 'int32',
  INT64: 'int64',
  FLOAT32: 'float',
  FLOAT64: 'double',
  BYTES: 'bytes',
  STRING: 'string',
  ARRAY: 'array',
  MAP: 'map',
  STRUCT: 'struct',
};

const ENVELOPE_ERROR =
  'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.';

/**
 * org.apache.kafka.connect.json.JsonConverter (Converter and HeaderConverter): the wire format of
 * Connect 4.x byte for byte — envelope, schema JSON, value encodings, logical types, messages.
 * Integral JSON numbers read schemaless become bigint (Java Long); fractional ones number (Double).
 */
export class JsonConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.json.JsonConverter';

  #config: JsonConverterConfig = new JsonConverterConfig({});
  #fromConnectSchemaCache = new LruCache<Schema, string>(1000);
  #toConnectSchemaCache = new LruCache<string, Schema | null>(1000);
  #fixedSchema: Schema | null = null;

  config(): readonly ConverterConfigKey[] {
    return JSON_CONVERTER_CONFIG_KEYS;
  }

  /** Converter.configure(configs, isKey) and HeaderConverter.configure(configs) in one. */
  configure(configs: ConverterConfigs, isKey?: boolean): void {
    const conf =
      isKey === undefined ? configs : { ...configs, [CONVERTER_TYPE_CONFIG]: isKey ? 'key' : 'value' };
    this.#config = new JsonConverterConfig(conf);
    this.#fromConnectSchemaCache = new LruCache(this.#config.schemaCacheSize);
    this.#toConnectSchemaCache = new LruCache(this.#config.schemaCacheSize);
    // As Connect: schema.content is used only with schemas.enable, and then for every message.
    this.#fixedSchema = null;
    if (this.#config.schemasEnabled && this.#config.schemaContent !== null) {
      const node = parseJson(Buffer.from(this.#config.schemaContent, 'utf8'), JSON_READ_OPTIONS);
      this.#fixedSchema = this.asConnectSchema(node);
    }
  }

  get settings(): JsonConverterConfig {
    return this.#config;
  }

  close(): void {}

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, value);
  }

  fromConnectData(
    _topic: string,
    _headers: ConnectHeaders | null,
    schema: Schema | null,
    value: unknown,
  ): Buffer | null {
    if (schema == null && value == null) return null;
    let text: string;
    if (this.#config.schemasEnabled) {
      const schemaText = schema == null ? 'null' : this.#jsonSchemaText(schema);
      text = `{"schema":${schemaText},"payload":${this.#jsonText(schema ?? null, value)}}`;
    } else {
      text = this.#jsonText(schema ?? null, value);
    }
    return Buffer.from(text, 'utf8');
  }

  toConnectData(_topic: string, _headers: ConnectHeaders | null, value: Uint8Array | null): SchemaAndValue {
    if (value == null) return SchemaAndValue.NULL;
    if (this.#config.schemasEnabled && this.#fixedSchema === null) {
      const fast = this.#readCompactEnvelope(value);
      if (fast !== undefined) return fast;
    }
    let json: JsonValue | undefined;
    try {
      json = isBlankJson(value) ? undefined : parseJson(value, JSON_READ_OPTIONS);
    } catch (e) {
      throw new DataException('Converting byte[] to Kafka Connect data failed due to serialization error: ', {
        cause: e,
      });
    }
    let schemaNode: JsonValue | undefined = null;
    let payload: JsonValue | undefined = json;
    if (this.#config.schemasEnabled && this.#fixedSchema !== null) {
      return new SchemaAndValue(this.#fixedSchema, this.#convertToConnect(this.#fixedSchema, json));
    }
    if (this.#config.schemasEnabled) {
      if (
        !isObject(json) ||
        nodeSize(json) !== 2 ||
        !Object.hasOwn(json, 'schema') ||
        !Object.hasOwn(json, 'payload')
      )
        throw new DataException(ENVELOPE_ERROR);
      schemaNode = json.schema;
      payload = json.payload;
    }
    const schema = this.asConnectSchema(schemaNode ?? null);
    return new SchemaAndValue(schema, this.#convertToConnect(schema, payload));
  }

  /**
   * Fast path for the compact envelope every JsonConverter writes, `{"schema":S,"payload":P}`: the
   * schema is looked up by its raw text, so a cache hit parses only the payload. Anything else
   * (other spacing or order, parse errors, trailing text) returns undefined and takes the full path,
   * which owns the error semantics.
   */
  #readCompactEnvelope(bytes: Uint8Array): SchemaAndValue | undefined {
    let text: string;
    try {
      text = UTF8_STRICT.decode(bytes);
    } catch {
      return undefined;
    }
    if (!text.startsWith('{"schema":')) return undefined;
    const schemaEnd = scanJsonValueEnd(text, 10);
    if (schemaEnd < 0 || !text.startsWith(',"payload":', schemaEnd)) return undefined;
    let last = text.length - 1;
    while (last > 0 && isJsonWhitespace(text.charCodeAt(last))) last--;
    if (text[last] !== '}') return undefined;
    const schemaText = text.slice(10, schemaEnd);
    let schema = this.#toConnectSchemaCache.get(schemaText);
    let payload: JsonValue;
    try {
      payload = parseJson(text.slice(schemaEnd + 11, last), JSON_SLICE_OPTIONS);
      if (schema === undefined) {
        schema = this.asConnectSchema(parseJson(schemaText, JSON_SLICE_OPTIONS));
        this.#toConnectSchemaCache.put(schemaText, schema);
      }
    } catch (e) {
      if (e instanceof JsonParseError) return undefined;
      throw e;
    }
    return new SchemaAndValue(schema, this.#convertToConnect(schema, payload));
  }

  /** JsonConverter.asJsonSchema: the schema JSON tree (keys in Connect's order). */
  asJsonSchema(schema: Schema | null): JsonOut {
    if (schema == null) return null;
    let json: Map<string, JsonOut>;
    switch (schema.type) {
      case 'ARRAY':
        json = new Map<string, JsonOut>([['type', 'array']]);
        json.set('items', this.asJsonSchema(schema.valueSchema));
        break;
      case 'MAP':
        json = new Map<string, JsonOut>([['type', 'map']]);
        json.set('keys', this.asJsonSchema(schema.keySchema));
        json.set('values', this.asJsonSchema(schema.valueSchema));
        break;
      case 'STRUCT': {
        json = new Map<string, JsonOut>([['type', 'struct']]);
        const fields: JsonOut[] = [];
        for (const field of schema.fields) {
          const fieldJson = new Map(this.asJsonSchema(field.schema) as Map<string, JsonOut>);
          fieldJson.set('field', field.name);
          fields.push(fieldJson);
        }
        json.set('fields', fields);
        break;
      }
      default:
        json = new Map<string, JsonOut>([['type', TYPE_NAMES[schema.type]]]);
    }
    json.set('optional', schema.isOptional);
    if (schema.name !== null) json.set('name', schema.name);
    if (schema.version !== null) json.set('version', schema.version);
    if (schema.doc !== null) json.set('doc', schema.doc);
    if (schema.parameters !== null) json.set('parameters', new Map(schema.parameters));
    if (schema.defaultValue != null) json.set('default', this.#convertToJson(schema, schema.defaultValue));
    return json;
  }

  #jsonSchemaText(schema: Schema): string {
    const cached = this.#fromConnectSchemaCache.get(schema);
    if (cached !== undefined) return cached;
    const text = stringifyJson(this.asJsonSchema(schema));
    this.#fromConnectSchemaCache.put(schema, text);
    return text;
  }

  /** JsonConverter.asConnectSchema: a Schema from its JSON form (null for JSON null). */
  asConnectSchema(jsonSchema: JsonValue | undefined): Schema | null {
    if (jsonSchema === null || jsonSchema === undefined) return null;
    const key = stringifyJson(jsonSchema);
    const cached = this.#toConnectSchemaCache.get(key);
    if (cached !== undefined) return cached;
    const result = this.#buildConnectSchema(jsonSchema);
    this.#toConnectSchemaCache.put(key, result);
    return result;
  }

  #buildConnectSchema(jsonSchema: JsonValue): Schema {
    const typeNode = getField(jsonSchema, 'type');
    if (typeof typeNode !== 'string') throw new DataException("Schema must contain 'type' field");
    let builder: SchemaBuilder;
    switch (typeNode) {
      case 'boolean':
        builder = SchemaBuilder.bool();
        break;
      case 'int8':
        builder = SchemaBuilder.int8();
        break;
      case 'int16':
        builder = SchemaBuilder.int16();
        break;
      case 'int32':
        builder = SchemaBuilder.int32();
        break;
      case 'int64':
        builder = SchemaBuilder.int64();
        break;
      case 'float':
        builder = SchemaBuilder.float32();
        break;
      case 'double':
        builder = SchemaBuilder.float64();
        break;
      case 'bytes':
        builder = SchemaBuilder.bytes();
        break;
      case 'string':
        builder = SchemaBuilder.string();
        break;
      case 'array': {
        const elem = getField(jsonSchema, 'items');
        if (elem === undefined || elem === null)
          throw new DataException('Array schema did not specify the element type');
        builder = SchemaBuilder.array(this.asConnectSchema(elem) as Schema);
        break;
      }
      case 'map': {
        const keys = getField(jsonSchema, 'keys');
        if (keys === undefined) throw new DataException('Map schema did not specify the key type');
        const values = getField(jsonSchema, 'values');
        if (values === undefined) throw new DataException('Map schema did not specify the value type');
        builder = SchemaBuilder.map(
          this.asConnectSchema(keys) as Schema,
          this.asConnectSchema(values) as Schema,
        );
        break;
      }
      case 'struct': {
        builder = SchemaBuilder.struct();
        const fields = getField(jsonSchema, 'fields');
        if (!Array.isArray(fields))
          throw new DataException('Struct schema\'s "fields" argument is not an array.');
        for (const field of fields) {
          const name = getField(field, 'field');
          if (typeof name !== 'string')
            throw new DataException("Struct schema's field name not specified properly");
          builder.field(name, this.asConnectSchema(field) as Schema);
        }
        break;
      }
      default:
        throw new DataException(`Unknown schema type: ${typeNode}`);
    }
    if (getField(jsonSchema, 'optional') === true) builder.optional();
    else builder.required();
    const name = getField(jsonSchema, 'name');
    if (typeof name === 'string') builder.name(name);
    const version = getField(jsonSchema, 'version');
    if (isIntegralNumber(version)) builder.version(intValue(version));
    const doc = getField(jsonSchema, 'doc');
    if (typeof doc === 'string') builder.doc(doc);
    const params = getField(jsonSchema, 'parameters');
    if (isObject(params)) {
      for (const [k, v] of Object.entries(params)) {
        if (typeof v !== 'string') throw new DataException('Schema parameters must have string values.');
        builder.parameter(k, v);
      }
    }
    const def = getField(jsonSchema, 'default');
    if (def !== undefined) {
      const value = this.#convertToConnect(builder.build(), def);
      // Java validates a struct default against the builder itself, which never equals the
      // struct's (built) schema: struct defaults read from JSON are always rejected.
      if (value instanceof Struct)
        throw new SchemaBuilderException('Invalid default value', {
          cause: new DataException('Struct schemas do not match.'),
        });
      builder.defaultValue(value);
    }
    return builder.build();
  }

  /**
   * stringifyJson(#convertToJson(schema, value)), with structs written field by field instead of
   * through a Map per struct (the same text, the same exceptions in the same field order).
   */
  #jsonText(schema: Schema | null, value: unknown): string {
    if (
      schema !== null &&
      schema.type === 'STRUCT' &&
      value instanceof Struct &&
      (schema.name === null || !LOGICAL_TYPE_NAMES.has(schema.name)) &&
      value.schema.equals(schema)
    ) {
      let out = '{';
      for (const field of schema.fields) {
        if (out.length > 1) out += ',';
        out += `${quoteJson(field.name)}:${this.#jsonText(field.schema, value.getWithoutDefault(field))}`;
      }
      return out + '}';
    }
    return stringifyJson(this.#convertToJson(schema, value));
  }

  #convertToJson(schema: Schema | null, value: unknown): JsonOut {
    if (value === null || value === undefined) {
      if (schema === null) return null;
      if (schema.defaultValue != null && this.#config.replaceNullWithDefault)
        return this.#convertToJson(schema, schema.defaultValue);
      if (schema.isOptional) return null;
      throw new DataException(
        'Conversion error: null value for field that is required and has no default value',
      );
    }
    if (schema !== null && schema.name !== null) {
      const logical = this.#logicalToJson(schema, value);
      if (logical !== undefined) return logical;
    }
    const type = schema !== null ? schema.type : schemalessType(value);
    const invalid = (): DataException =>
      new DataException(
        `Invalid type for ${schema !== null ? schema.type : 'unknown schema'}: ${javaClassOf(value)}`,
      );
    switch (type) {
      case 'INT8':
      case 'INT16':
      case 'INT32':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid();
        return value;
      case 'INT64':
        if (typeof value === 'bigint') return value;
        // schemaless JS numbers: integral ones are written as integers (Java Integer/Long)
        if (schema === null && typeof value === 'number') return value;
        throw invalid();
      case 'FLOAT32':
        if (typeof value !== 'number') throw invalid();
        return new JavaFloat(value);
      case 'FLOAT64':
        if (typeof value !== 'number') throw invalid();
        return new JavaDouble(value);
      case 'BOOLEAN':
        if (typeof value !== 'boolean') throw invalid();
        return value;
      case 'STRING':
        if (typeof value !== 'string') throw invalid();
        return value;
      case 'BYTES':
        if (!(value instanceof Uint8Array))
          throw new DataException(`Invalid type for bytes type: ${javaClassOf(value)}`);
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      case 'ARRAY': {
        if (!Array.isArray(value)) throw invalid();
        const elementSchema = schema === null ? null : schema.valueSchema;
        return value.map((v: unknown) => this.#convertToJson(elementSchema, v));
      }
      case 'MAP': {
        const entries = mapEntries(value);
        if (entries === null) throw invalid();
        const keySchema = schema === null ? null : schema.keySchema;
        const valueSchema = schema === null ? null : schema.valueSchema;
        const objectMode =
          schema === null ? entries.every(([k]) => typeof k === 'string') : keySchema?.type === 'STRING';
        if (objectMode) {
          const obj = new Map<string, JsonOut>();
          for (const [k, v] of entries) {
            const jsonKey = this.#convertToJson(keySchema, k);
            obj.set(asText(jsonKey), this.#convertToJson(valueSchema, v));
          }
          return obj;
        }
        return entries.map(([k, v]) => [
          this.#convertToJson(keySchema, k),
          this.#convertToJson(valueSchema, v),
        ]);
      }
      case 'STRUCT': {
        if (!(value instanceof Struct)) throw invalid();
        if (schema === null || !value.schema.equals(schema)) throw new DataException('Mismatching schema.');
        const obj = new Map<string, JsonOut>();
        for (const field of schema.fields)
          obj.set(field.name, this.#convertToJson(field.schema, value.getWithoutDefault(field.name)));
        return obj;
      }
    }
  }

  #logicalToJson(schema: Schema, value: unknown): JsonOut | undefined {
    switch (schema.name) {
      case Decimal.LOGICAL_NAME:
        if (!(value instanceof BigDecimal))
          throw new DataException(
            `Invalid type for Decimal, expected BigDecimal but was ${javaClassOf(value)}`,
          );
        return this.#config.decimalFormat === 'NUMERIC'
          ? new JsonNumber(value.toString())
          : Decimal.fromLogical(schema, value);
      case LogicalDate.LOGICAL_NAME:
        if (!(value instanceof Date))
          throw new DataException(`Invalid type for Date, expected Date but was ${javaClassOf(value)}`);
        return LogicalDate.fromLogical(schema, value);
      case Time.LOGICAL_NAME:
        if (!(value instanceof Date))
          throw new DataException(`Invalid type for Time, expected Date but was ${javaClassOf(value)}`);
        return Time.fromLogical(schema, value);
      case Timestamp.LOGICAL_NAME:
        if (!(value instanceof Date))
          throw new DataException(`Invalid type for Timestamp, expected Date but was ${javaClassOf(value)}`);
        return Timestamp.fromLogical(schema, value);
      default:
        return undefined;
    }
  }

  #convertToConnect(schema: Schema | null, node: JsonValue | undefined): unknown {
    let type: SchemaType;
    if (schema !== null) {
      type = schema.type;
      if (node === undefined || node === null) {
        if (schema.defaultValue != null && this.#config.replaceNullWithDefault) return schema.defaultValue;
        if (schema.isOptional) return null;
        throw new DataException(`Invalid null value for required ${type} field`);
      }
    } else {
      switch (nodeType(node)) {
        case 'NULL':
        case 'MISSING':
          return null;
        case 'BOOLEAN':
          type = 'BOOLEAN';
          break;
        case 'NUMBER':
          type = isIntegralNumber(node) ? 'INT64' : 'FLOAT64';
          break;
        case 'ARRAY':
          type = 'ARRAY';
          break;
        case 'OBJECT':
          type = 'MAP';
          break;
        case 'STRING':
          type = 'STRING';
          break;
      }
    }
    if (schema !== null && schema.name !== null) {
      const logical = logicalToConnect(schema, node);
      if (logical !== undefined) return logical;
    }
    switch (type) {
      case 'BOOLEAN':
        return booleanValue(node);
      case 'INT8':
        return (intValue(node) << 24) >> 24;
      case 'INT16':
        return (intValue(node) << 16) >> 16;
      case 'INT32':
        return intValue(node);
      case 'INT64':
        return longValue(node);
      case 'FLOAT32':
        return floatValue(node);
      case 'FLOAT64':
        return doubleValue(node);
      case 'BYTES':
        try {
          return binaryValue(node);
        } catch (e) {
          throw new DataException('Invalid bytes field', { cause: e });
        }
      case 'STRING':
        return textValue(node);
      case 'ARRAY': {
        const elementSchema = schema === null ? null : schema.valueSchema;
        return elements(node).map((e) => this.#convertToConnect(elementSchema, e));
      }
      case 'MAP': {
        const keySchema = schema === null ? null : schema.keySchema;
        const valueSchema = schema === null ? null : schema.valueSchema;
        const result = new Map<unknown, unknown>();
        if (schema === null || keySchema?.type === 'STRING') {
          if (!isObject(node))
            throw new DataException(
              `Maps with string fields should be encoded as JSON objects, but found ${nodeType(node)}`,
            );
          for (const [k, v] of Object.entries(node)) result.set(k, this.#convertToConnect(valueSchema, v));
        } else {
          if (!Array.isArray(node))
            throw new DataException(
              `Maps with non-string fields should be encoded as JSON array of tuples, but found ${nodeType(node)}`,
            );
          for (const entry of node) {
            if (!Array.isArray(entry))
              throw new DataException(`Found invalid map entry instead of array tuple: ${nodeType(entry)}`);
            if (entry.length !== 2)
              throw new DataException(
                `Found invalid map entry, expected length 2 but found :${entry.length}`,
              );
            result.set(
              this.#convertToConnect(keySchema, entry[0]),
              this.#convertToConnect(valueSchema, entry[1]),
            );
          }
        }
        return result;
      }
      case 'STRUCT': {
        if (!isObject(node))
          throw new DataException(`Structs should be encoded as JSON objects, but found ${nodeType(node)}`);
        const struct = new Struct((schema as Schema).schema);
        for (const field of struct.schema.fields)
          struct.put(field, this.#convertToConnect(field.schema, getField(node, field.name)));
        return struct;
      }
    }
  }
}

const JSON_READ_OPTIONS = { exactNumbers: true, allowLeadingZeros: true, allowTrailing: true } as const;
/** A slice of the envelope must be exactly one value (the full document may have trailing text). */
const JSON_SLICE_OPTIONS = { exactNumbers: true, allowLeadingZeros: true } as const;
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Empty or whitespace-only input: Jackson's readTree gives a MissingNode, not an error. */
function isBlankJson(bytes: Uint8Array): boolean {
  for (const b of bytes) if (!isJsonWhitespace(b)) return false;
  return true;
}

/** Index just after the JSON value starting at `start` (brackets and strings matched, not validated), or -1. */
function scanJsonValueEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      if (i >= n) return -1;
      i++;
      if (depth === 0) return i;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (c === 0x2c || isJsonWhitespace(c))) return i;
    i++;
  }
  return depth === 0 ? i : -1;
}

function logicalToConnect(schema: Schema, node: JsonValue | undefined): unknown {
  switch (schema.name) {
    case Decimal.LOGICAL_NAME: {
      const t = nodeType(node);
      if (t === 'NUMBER') return decimalValue(node);
      if (t === 'STRING') {
        try {
          return Decimal.toLogical(schema, binaryValue(node) ?? Buffer.alloc(0));
        } catch (e) {
          throw new DataException('Invalid bytes for Decimal field', { cause: e });
        }
      }
      throw new DataException(
        `Invalid type for Decimal, underlying representation should be numeric or bytes but was ${t}`,
      );
    }
    case LogicalDate.LOGICAL_NAME:
      if (!isInt(node))
        throw new DataException(
          `Invalid type for Date, underlying representation should be integer but was ${nodeType(node)}`,
        );
      return LogicalDate.toLogical(schema, intValue(node));
    case Time.LOGICAL_NAME:
      if (!isInt(node))
        throw new DataException(
          `Invalid type for Time, underlying representation should be integer but was ${nodeType(node)}`,
        );
      return Time.toLogical(schema, intValue(node));
    case Timestamp.LOGICAL_NAME:
      if (!isIntegralNumber(node))
        throw new DataException(
          `Invalid type for Timestamp, underlying representation should be integral but was ${nodeType(node)}`,
        );
      return Timestamp.toLogical(schema, longValue(node));
    default:
      return undefined;
  }
}

/** ConnectSchema.schemaType(value.getClass()) for schemaless values; plain objects count as maps. */
function schemalessType(value: unknown): SchemaType {
  switch (typeof value) {
    case 'string':
      return 'STRING';
    case 'boolean':
      return 'BOOLEAN';
    case 'bigint':
      return 'INT64';
    case 'number':
      return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? 'INT64' : 'FLOAT64';
    default:
      break;
  }
  if (value instanceof Uint8Array) return 'BYTES';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof Map) return 'MAP';
  if (value instanceof Struct) return 'STRUCT';
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof BigDecimal)
  )
    return 'MAP';
  throw new DataException(`Java class ${javaClassOf(value)} does not have corresponding schema type.`);
}

function mapEntries(value: unknown): [unknown, unknown][] | null {
  if (value instanceof Map) return [...(value as Map<unknown, unknown>)];
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array))
    return Object.entries(value);
  return null;
}

/** JsonNode.asText() of a converted map key. */
function asText(node: JsonOut): string {
  if (node === null) return 'null';
  if (typeof node === 'string') return node;
  if (node instanceof Map || Array.isArray(node)) return '';
  if (node instanceof Uint8Array) return node.toString('base64');
  const text = stringifyJson(node);
  return text;
}
