import type { ConnectRecord } from '../../api/records';
import { SinkRecord } from '../../api/records';
import { DataException } from '../../data/errors';
import { javaClassNameOfValue } from '../../data/java-class';
import type { Schema } from '../../data/schema';
import { Struct } from '../../data/struct';

/** org.apache.kafka.connect.transforms.util.Requirements, with Connect's exact messages. */

/** A schemaless Connect map: keys are field names. */
export type ConnectMap = Map<string, unknown>;

function nullSafeClassName(x: unknown): string {
  if (x === null || x === undefined) return 'null';
  if (x instanceof SinkRecord) return 'org.apache.kafka.connect.sink.SinkRecord';
  if (typeof x === 'object' && 'sourcePartition' in x) return 'org.apache.kafka.connect.source.SourceRecord';
  return javaClassNameOfValue(x);
}

export function requireSchema(schema: Schema | null, purpose: string): Schema {
  if (schema === null) throw new DataException(`Schema required for [${purpose}]`);
  return schema;
}

export function requireMap(value: unknown, purpose: string): ConnectMap {
  if (!(value instanceof Map))
    throw new DataException(
      `Only Map objects supported in absence of schema for [${purpose}], found: ${nullSafeClassName(value)}`,
    );
  return value as ConnectMap;
}

export function requireMapOrNull(value: unknown, purpose: string): ConnectMap | null {
  return value === null || value === undefined ? null : requireMap(value, purpose);
}

export function requireStruct(value: unknown, purpose: string): Struct {
  if (!(value instanceof Struct))
    throw new DataException(
      `Only Struct objects supported for [${purpose}], found: ${nullSafeClassName(value)}`,
    );
  return value;
}

export function requireStructOrNull(value: unknown, purpose: string): Struct | null {
  return value === null || value === undefined ? null : requireStruct(value, purpose);
}

export function requireSinkRecord<R extends ConnectRecord<R>>(record: R, purpose: string): SinkRecord {
  if (!(record instanceof SinkRecord))
    throw new DataException(
      `Only SinkRecord supported for [${purpose}], found: ${nullSafeClassName(record)}`,
    );
  return record;
}
