/** Debezium's logical type schemas (io.debezium.time.*, io.debezium.data.*), names and versions as Debezium builds them. */
import { SchemaBuilder } from '../../data/schema-builder';
import { Schema } from '../../data/schema';

export const DEBEZIUM_VERSION = '3.6.1.Final';

const named = (b: SchemaBuilder, name: string): SchemaBuilder => b.name(name).version(1);

export const DbzTypes = {
  date: () => named(SchemaBuilder.int32(), 'io.debezium.time.Date'),
  time: () => named(SchemaBuilder.int32(), 'io.debezium.time.Time'),
  microTime: () => named(SchemaBuilder.int64(), 'io.debezium.time.MicroTime'),
  nanoTime: () => named(SchemaBuilder.int64(), 'io.debezium.time.NanoTime'),
  timestamp: () => named(SchemaBuilder.int64(), 'io.debezium.time.Timestamp'),
  microTimestamp: () => named(SchemaBuilder.int64(), 'io.debezium.time.MicroTimestamp'),
  nanoTimestamp: () => named(SchemaBuilder.int64(), 'io.debezium.time.NanoTimestamp'),
  zonedTimestamp: () => named(SchemaBuilder.string(), 'io.debezium.time.ZonedTimestamp'),
  zonedTime: () => named(SchemaBuilder.string(), 'io.debezium.time.ZonedTime'),
  microDuration: () => named(SchemaBuilder.int64(), 'io.debezium.time.MicroDuration'),
  interval: () => named(SchemaBuilder.string(), 'io.debezium.time.Interval'),
  uuid: () => named(SchemaBuilder.string(), 'io.debezium.data.Uuid'),
  json: () => named(SchemaBuilder.string(), 'io.debezium.data.Json'),
  xml: () => named(SchemaBuilder.string(), 'io.debezium.data.Xml'),
  enumOf: (allowed: string) =>
    named(SchemaBuilder.string(), 'io.debezium.data.Enum').parameter('allowed', allowed),
  variableScaleDecimal: () =>
    SchemaBuilder.struct()
      .name('io.debezium.data.VariableScaleDecimal')
      .version(1)
      .doc('Variable scaled decimal')
      .field('scale', Schema.INT32_SCHEMA)
      .field('value', Schema.BYTES_SCHEMA),
};

/** SnapshotRecord values, in enum order (the Enum schema's `allowed` parameter). */
export const SNAPSHOT_RECORD_ALLOWED =
  'true,first,first_in_data_collection,last_in_data_collection,last,false,incremental';

/** io.debezium.connector.postgresql.Source, version 1. */
export function sourceSchema(): Schema {
  return SchemaBuilder.struct()
    .name('io.debezium.connector.postgresql.Source')
    .version(1)
    .field('version', Schema.STRING_SCHEMA)
    .field('connector', Schema.STRING_SCHEMA)
    .field('name', Schema.STRING_SCHEMA)
    .field('ts_ms', Schema.INT64_SCHEMA)
    .field('snapshot', DbzTypes.enumOf(SNAPSHOT_RECORD_ALLOWED).defaultValue('false').optional().build())
    .field('db', Schema.STRING_SCHEMA)
    .field('sequence', Schema.OPTIONAL_STRING_SCHEMA)
    .field('ts_us', Schema.OPTIONAL_INT64_SCHEMA)
    .field('ts_ns', Schema.OPTIONAL_INT64_SCHEMA)
    .field('schema', Schema.STRING_SCHEMA)
    .field('table', Schema.STRING_SCHEMA)
    .field('txId', Schema.OPTIONAL_INT64_SCHEMA)
    .field('lsn', Schema.OPTIONAL_INT64_SCHEMA)
    .field('xmin', Schema.OPTIONAL_INT64_SCHEMA)
    .field('origin', Schema.OPTIONAL_STRING_SCHEMA)
    .field('origin_lsn', Schema.OPTIONAL_INT64_SCHEMA)
    .build();
}

export const SOURCE_SCHEMA = sourceSchema();

/** event.block v1 (the envelope's `transaction` field). */
export const TRANSACTION_BLOCK_SCHEMA = SchemaBuilder.struct()
  .optional()
  .name('event.block')
  .version(1)
  .field('id', Schema.STRING_SCHEMA)
  .field('total_order', Schema.INT64_SCHEMA)
  .field('data_collection_order', Schema.INT64_SCHEMA)
  .build();

export const HEARTBEAT_KEY_SCHEMA = SchemaBuilder.struct()
  .name('io.debezium.connector.common.ServerNameKey')
  .version(1)
  .field('serverName', Schema.STRING_SCHEMA)
  .build();

export const HEARTBEAT_VALUE_SCHEMA = SchemaBuilder.struct()
  .name('io.debezium.connector.common.Heartbeat')
  .version(1)
  .field('ts_ms', Schema.INT64_SCHEMA)
  .build();

/** Envelope v2: before, after, source, transaction, op, ts_ms, ts_us, ts_ns. */
export function envelopeSchema(topic: string, valueSchema: Schema): Schema {
  return SchemaBuilder.struct()
    .name(`${topic}.Envelope`)
    .version(2)
    .field('before', valueSchema)
    .field('after', valueSchema)
    .field('source', SOURCE_SCHEMA)
    .field('transaction', TRANSACTION_BLOCK_SCHEMA)
    .field('op', Schema.STRING_SCHEMA)
    .field('ts_ms', Schema.OPTIONAL_INT64_SCHEMA)
    .field('ts_us', Schema.OPTIONAL_INT64_SCHEMA)
    .field('ts_ns', Schema.OPTIONAL_INT64_SCHEMA)
    .build();
}
