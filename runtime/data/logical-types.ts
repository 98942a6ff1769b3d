import { BigDecimal, bigintToTwosComplement, twosComplementToBigint } from './big-decimal';
import { DataException } from './errors';
import type { Schema } from './schema';
import { SchemaBuilder } from './schema-builder';

const MILLIS_PER_DAY = 24 * 60 * 60 * 1000;
const JsDate = globalThis.Date;

/**
 * org.apache.kafka.connect.data.Decimal: BYTES holding the big-endian two's-complement unscaled
 * value, with the scale in the `scale` parameter. The logical value is a BigDecimal.
 */
export const Decimal = {
  LOGICAL_NAME: 'org.apache.kafka.connect.data.Decimal',
  SCALE_FIELD: 'scale',
  builder(scale: number): SchemaBuilder {
    return SchemaBuilder.bytes()
      .name(Decimal.LOGICAL_NAME)
      .parameter(Decimal.SCALE_FIELD, String(scale))
      .version(1);
  },
  schema(scale: number): Schema {
    return Decimal.builder(scale).build();
  },
  fromLogical(schema: Schema, value: BigDecimal): Buffer {
    const schemaScale = decimalScale(schema);
    if (value.scale !== schemaScale)
      throw new DataException(
        `Decimal value has mismatching scale for given Decimal schema. Schema has scale ${schemaScale}, value has scale ${value.scale}.`,
      );
    return bigintToTwosComplement(value.unscaled);
  },
  toLogical(schema: Schema, value: Uint8Array): BigDecimal {
    return new BigDecimal(twosComplementToBigint(value), decimalScale(schema));
  },
  /** The scale parameter of a Decimal schema. */
  scale(schema: Schema): number {
    return decimalScale(schema);
  },
} as const;

function decimalScale(schema: Schema): number {
  const text = schema.parameters?.get(Decimal.SCALE_FIELD);
  if (text === undefined) throw new DataException('Invalid Decimal schema: scale parameter not found.');
  // Integer.parseInt: optional sign and decimal digits, within int range
  if (!/^[+-]?\d+$/.test(text) || Math.abs(Number(text)) > 2147483647)
    throw new DataException('Invalid scale parameter found in Decimal schema: ');
  return Number(text);
}

/** org.apache.kafka.connect.data.Date: INT32 days since the epoch; the logical value is a JS Date at UTC midnight. */
export const Date = {
  LOGICAL_NAME: 'org.apache.kafka.connect.data.Date',
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(Date.LOGICAL_NAME).version(1);
  },
  get SCHEMA(): Schema {
    return DATE_SCHEMA;
  },
  fromLogical(schema: Schema, value: globalThis.Date): number {
    if (schema.name !== Date.LOGICAL_NAME)
      throw new DataException('Requested conversion of Date object but the schema does not match.');
    const ms = value.getTime();
    if (((ms % MILLIS_PER_DAY) + MILLIS_PER_DAY) % MILLIS_PER_DAY !== 0)
      throw new DataException(
        'Kafka Connect Date type should not have any time fields set to non-zero values.',
      );
    // Java: (int) (unixMillis / MILLIS_PER_DAY), integer division truncating toward zero
    return Math.trunc(ms / MILLIS_PER_DAY) | 0;
  },
  toLogical(schema: Schema, value: number): globalThis.Date {
    if (schema.name !== Date.LOGICAL_NAME)
      throw new DataException('Requested conversion of Date object but the schema does not match.');
    return new JsDate(value * MILLIS_PER_DAY);
  },
};

/** org.apache.kafka.connect.data.Time: INT32 milliseconds since midnight; the logical value is a JS Date on 1970-01-01 UTC. */
export const Time = {
  LOGICAL_NAME: 'org.apache.kafka.connect.data.Time',
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(Time.LOGICAL_NAME).version(1);
  },
  get SCHEMA(): Schema {
    return TIME_SCHEMA;
  },
  fromLogical(schema: Schema, value: globalThis.Date): number {
    if (schema.name !== Time.LOGICAL_NAME)
      throw new DataException('Requested conversion of Time object but the schema does not match.');
    const ms = value.getTime();
    if (ms < 0 || ms > MILLIS_PER_DAY)
      throw new DataException(
        'Kafka Connect Time type should not have any date fields set to non-zero values.',
      );
    return ms;
  },
  toLogical(schema: Schema, value: number): globalThis.Date {
    if (schema.name !== Time.LOGICAL_NAME)
      throw new DataException('Requested conversion of Date object but the schema does not match.');
    if (value < 0 || value > MILLIS_PER_DAY)
      throw new DataException(
        'Time values must use number of milliseconds greater than 0 and less than 86400000',
      );
    return new JsDate(value);
  },
};

/** org.apache.kafka.connect.data.Timestamp: INT64 (bigint) epoch milliseconds; the logical value is a JS Date. */
export const Timestamp = {
  LOGICAL_NAME: 'org.apache.kafka.connect.data.Timestamp',
  builder(): SchemaBuilder {
    return SchemaBuilder.int64().name(Timestamp.LOGICAL_NAME).version(1);
  },
  get SCHEMA(): Schema {
    return TIMESTAMP_SCHEMA;
  },
  fromLogical(schema: Schema, value: globalThis.Date): bigint {
    if (schema.name !== Timestamp.LOGICAL_NAME)
      throw new DataException('Requested conversion of Timestamp object but the schema does not match.');
    return BigInt(value.getTime());
  },
  toLogical(schema: Schema, value: bigint | number): globalThis.Date {
    if (schema.name !== Timestamp.LOGICAL_NAME)
      throw new DataException('Requested conversion of Timestamp object but the schema does not match.');
    // java.util.Date holds any long; JS Date only ±8.64e15 ms (an Invalid Date beyond that)
    return new JsDate(Number(value));
  },
};

const DATE_SCHEMA = Date.builder().build();
const TIME_SCHEMA = Time.builder().build();
const TIMESTAMP_SCHEMA = Timestamp.builder().build();

/** Alias for importers that must not shadow the global Date. */
export { Date as ConnectDate };
