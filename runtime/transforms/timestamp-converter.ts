import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { ConfigException } from '../config/config-exception';
import { isBlank } from '../config/java-compat';
import { ValidString } from '../config/validators';
import { ConnectException, DataException } from '../data/errors';
import { Date as LogicalDate, Time, Timestamp } from '../data/logical-types';
import type { Schema } from '../data/schema';
import { Schema as S } from '../data/schema';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { REPLACE_NULL_WITH_DEFAULT_DOC } from './insert-field';
import { javaClassText, javaKind } from './util/java-types';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { requireMap, requireStructOrNull } from './util/requirements';
import { SchemaCache, copySchemaBasics, fieldValue } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';
import { ParseError, SimpleDateFormat } from './util/simple-date-format';

type TargetType = 'string' | 'unix' | 'Date' | 'Time' | 'Timestamp';
type Precision = 'milliseconds' | 'seconds' | 'microseconds' | 'nanoseconds';

export const TIMESTAMP_CONVERTER_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'field',
    type: 'STRING',
    defaultValue: '',
    importance: 'HIGH',
    documentation: 'The field containing the timestamp, or empty if the entire value is a timestamp',
  })
  .define({
    name: 'target.type',
    type: 'STRING',
    validator: ValidString.in('string', 'unix', 'Date', 'Time', 'Timestamp'),
    importance: 'HIGH',
    documentation: 'The desired timestamp representation: string, unix, Date, Time, or Timestamp',
  })
  .define({
    name: 'format',
    type: 'STRING',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'A SimpleDateFormat-compatible format for the timestamp. Used to generate the output when type=string ' +
      'or used to parse the input if the input is a string.',
  })
  .define({
    name: 'unix.precision',
    type: 'STRING',
    defaultValue: 'milliseconds',
    validator: ValidString.in('nanoseconds', 'microseconds', 'milliseconds', 'seconds'),
    importance: 'LOW',
    documentation:
      'The desired Unix precision for the timestamp: seconds, milliseconds, microseconds, or nanoseconds. ' +
      'Used to generate the output when type=unix or used to parse the input if the input is a Long.' +
      'Note: This SMT will cause precision loss during conversions from, and to, values with sub-millisecond components.',
  })
  .define({
    name: 'replace.null.with.default',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

const PURPOSE = 'converting timestamp formats';
const OPTIONAL_DATE_SCHEMA = LogicalDate.builder().optional().build();
const OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();
const OPTIONAL_TIME_SCHEMA = Time.builder().optional().build();
const DAY = 86400000;

interface Translator {
  toRaw(orig: unknown): Date;
  typeSchema(optional: boolean): Schema;
  toType(orig: Date): unknown;
}

/** Java's floor-free TimeUnit conversions (truncating division of a long). */
function div(a: bigint, b: bigint): bigint {
  return a / b;
}

/** org.apache.kafka.connect.transforms.TimestampConverter$Key / $Value. */
export class TimestampConverter<R extends ConnectRecord<R>> implements Transformation<R> {
  #field = '';
  #type: TargetType = 'Timestamp';
  #format: SimpleDateFormat | null = null;
  #precision: Precision = 'milliseconds';
  #replaceNullWithDefault = true;
  #cache = new SchemaCache();
  readonly #translators: Record<TargetType, Translator>;

  constructor(private readonly side: RecordSide) {
    const dateOnly =
      (kindName: string) =>
      (orig: unknown): Date => {
        if (!(orig instanceof Date))
          throw new DataException(
            `Expected ${kindName} to be a java.util.Date, but found ${javaClassText(javaKind(orig, null))}`,
          );
        return orig;
      };
    this.#translators = {
      string: {
        toRaw: (orig) => {
          if (typeof orig !== 'string')
            throw new DataException(
              `Expected string timestamp to be a String, but found ${javaClassText(javaKind(orig, null))}`,
            );
          const format = this.#format;
          if (format === null) throw nullFormat();
          try {
            return format.parse(orig);
          } catch (e) {
            if (e instanceof ParseError)
              throw new DataException(
                `Could not parse timestamp: value (${orig}) does not match pattern (${format.toPattern()})`,
                { cause: e },
              );
            throw e;
          }
        },
        typeSchema: (optional) => (optional ? S.OPTIONAL_STRING_SCHEMA : S.STRING_SCHEMA),
        toType: (orig) => {
          if (this.#format === null) throw nullFormat();
          return this.#format.format(orig);
        },
      },
      unix: {
        toRaw: (orig) => {
          if (typeof orig !== 'bigint')
            throw new DataException(
              `Expected Unix timestamp to be a Long, but found ${javaClassText(javaKind(orig, null))}`,
            );
          let ms = orig;
          if (this.#precision === 'seconds') ms = orig * 1000n;
          else if (this.#precision === 'microseconds') ms = div(orig, 1000n);
          else if (this.#precision === 'nanoseconds') ms = div(orig, 1000000n);
          return Timestamp.toLogical(Timestamp.SCHEMA, ms);
        },
        typeSchema: (optional) => (optional ? S.OPTIONAL_INT64_SCHEMA : S.INT64_SCHEMA),
        toType: (orig) => {
          const ms = Timestamp.fromLogical(Timestamp.SCHEMA, orig);
          if (this.#precision === 'seconds') return div(ms, 1000n);
          if (this.#precision === 'microseconds') return ms * 1000n;
          if (this.#precision === 'nanoseconds') return ms * 1000000n;
          return ms;
        },
      },
      Date: {
        toRaw: dateOnly('Date'),
        typeSchema: (optional) => (optional ? OPTIONAL_DATE_SCHEMA : LogicalDate.SCHEMA),
        toType: (orig) => new Date(Math.floor(orig.getTime() / DAY) * DAY),
      },
      Time: {
        toRaw: dateOnly('Time'),
        typeSchema: (optional) => (optional ? OPTIONAL_TIME_SCHEMA : Time.SCHEMA),
        toType: (orig) => new Date(((orig.getTime() % DAY) + DAY) % DAY),
      },
      Timestamp: {
        toRaw: dateOnly('Timestamp'),
        typeSchema: (optional) => (optional ? OPTIONAL_TIMESTAMP_SCHEMA : Timestamp.SCHEMA),
        toType: (orig) => orig,
      },
    };
  }

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.TimestampConverter$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(TIMESTAMP_CONVERTER_CONFIG_DEF, props);
    this.#field = config.getString('field') ?? '';
    this.#type = (config.getString('target.type') ?? 'Timestamp') as TargetType;
    const pattern = config.getString('format') ?? '';
    this.#precision = (config.getString('unix.precision') ?? 'milliseconds') as Precision;
    this.#cache = new SchemaCache();
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
    if (this.#type === 'string' && isBlank(pattern))
      throw new ConfigException(
        'TimestampConverter requires format option to be specified when using string timestamps',
      );
    this.#format = null;
    if (!isBlank(pattern)) {
      try {
        this.#format = new SimpleDateFormat(pattern);
      } catch (e) {
        // Java calls ConfigException(String name, Object value) here, hence the inverted text.
        throw new ConfigException(
          `TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: ${pattern}`,
          `java.lang.IllegalArgumentException: ${(e as Error).message}`,
        );
      }
    }
  }

  apply(record: R): R {
    return this.side.schema(record) === null ? this.#applySchemaless(record) : this.#applyWithSchema(record);
  }

  #applyWithSchema(record: R): R {
    const schema = this.side.schema(record) as Schema;
    if (this.#field.length === 0) {
      const value = this.side.value(record);
      const updatedSchema = this.#translators[this.#type].typeSchema(schema.isOptional);
      return this.side.newRecord(
        record,
        updatedSchema,
        this.#convert(value, timestampTypeFromSchema(schema)),
      );
    }
    const value = requireStructOrNull(this.side.value(record), PURPOSE);
    let updatedSchema = this.#cache.get(schema);
    if (updatedSchema === undefined) {
      const builder = copySchemaBasics(schema, SchemaBuilder.struct());
      for (const field of schema.fields) {
        if (field.name === this.#field)
          builder.field(field.name, this.#translators[this.#type].typeSchema(field.schema.isOptional));
        else builder.field(field.name, field.schema);
      }
      if (schema.isOptional) builder.optional();
      if (schema.defaultValue !== null && schema.defaultValue !== undefined) {
        builder.defaultValue(this.#applyValue(schema.defaultValue as Struct, builder.build()));
      }
      updatedSchema = builder.build();
      this.#cache.put(schema, updatedSchema);
    }
    return this.side.newRecord(record, updatedSchema, this.#applyValue(value, updatedSchema));
  }

  #applyValue(value: Struct | null, updatedSchema: Schema): Struct | null {
    if (value === null) return null;
    const updated = new Struct(updatedSchema);
    for (const field of value.schema.fields) {
      const v = fieldValue(value, field, this.#replaceNullWithDefault);
      updated.put(
        field.name,
        field.name === this.#field ? this.#convert(v, timestampTypeFromSchema(field.schema)) : v,
      );
    }
    return updated;
  }

  #applySchemaless(record: R): R {
    const raw = this.side.value(record);
    if (raw === null || raw === undefined || this.#field.length === 0)
      return this.side.newRecord(record, null, this.#convert(raw ?? null, null));
    const map = requireMap(raw, PURPOSE);
    const updated = new Map(map);
    updated.set(this.#field, this.#convert(map.get(this.#field) ?? null, null));
    return this.side.newRecord(record, null, updated);
  }

  #convert(timestamp: unknown, format: TargetType | null): unknown {
    if (timestamp === null || timestamp === undefined) return null;
    const source = format ?? inferTimestampType(timestamp);
    const raw = this.#translators[source].toRaw(timestamp);
    return this.#translators[this.#type].toType(raw);
  }

  config(): ConfigDef {
    return TIMESTAMP_CONVERTER_CONFIG_DEF;
  }

  close(): void {}
}

function nullFormat(): Error {
  const e = new Error(
    'Cannot invoke "java.text.SimpleDateFormat.parse(String)" because "config.format" is null',
  );
  Object.defineProperty(e, 'javaClassName', { value: 'java.lang.NullPointerException' });
  return e;
}

function timestampTypeFromSchema(schema: Schema): TargetType {
  if (schema.name === Timestamp.LOGICAL_NAME) return 'Timestamp';
  if (schema.name === LogicalDate.LOGICAL_NAME) return 'Date';
  if (schema.name === Time.LOGICAL_NAME) return 'Time';
  if (schema.type === 'STRING') return 'string';
  if (schema.type === 'INT64') return 'unix';
  throw new ConnectException(
    `Schema ${schema.toString()} does not correspond to a known timestamp type format`,
  );
}

function inferTimestampType(timestamp: unknown): TargetType {
  if (timestamp instanceof Date) return 'Timestamp';
  if (typeof timestamp === 'bigint') return 'unix';
  if (typeof timestamp === 'string') return 'string';
  throw new DataException(
    `TimestampConverter does not support ${javaClassText(javaKind(timestamp, null))} objects as timestamps`,
  );
}

export const timestampConverterKey = <R extends ConnectRecord<R>>(): TimestampConverter<R> =>
  new TimestampConverter<R>(KEY);
export const timestampConverterValue = <R extends ConnectRecord<R>>(): TimestampConverter<R> =>
  new TimestampConverter<R>(VALUE);
