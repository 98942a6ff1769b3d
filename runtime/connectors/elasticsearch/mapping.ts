/** Mapping.buildMapping: the index mapping the sink puts for a value schema (unless schema.ignore). */
import { BigDecimal, Decimal } from '../../data/index';
import type { Schema } from '../../data/index';
import { DataException } from '../../data/errors';

type JsonObject = Record<string, unknown>;

const PRIMITIVES: Record<string, string> = {
  BOOLEAN: 'boolean',
  INT8: 'byte',
  INT16: 'short',
  INT32: 'integer',
  INT64: 'long',
  FLOAT32: 'float',
  FLOAT64: 'double',
  STRING: 'text',
  BYTES: 'binary',
};

const DATE_NAMES = new Set([
  'org.apache.kafka.connect.data.Date',
  'org.apache.kafka.connect.data.Time',
  'org.apache.kafka.connect.data.Timestamp',
]);

function primitive(type: string, defaultValue: unknown): JsonObject {
  const m: JsonObject = { type };
  if (type === 'text') m.fields = { keyword: { type: 'keyword', ignore_above: 256 } };
  if (defaultValue === null || defaultValue === undefined) return m;
  if (type === 'text' || type === 'binary') return m;
  if (type === 'date')
    m.null_value = defaultValue instanceof Date ? defaultValue.getTime() : Number(defaultValue);
  else if (typeof defaultValue === 'bigint') m.null_value = Number(defaultValue);
  else m.null_value = defaultValue;
  return m;
}

export function buildMapping(schema: Schema | null): JsonObject {
  if (schema === null) throw new DataException('Cannot infer mapping without schema.');
  if (schema.name !== null && DATE_NAMES.has(schema.name)) return primitive('date', schema.defaultValue);
  if (schema.name === Decimal.LOGICAL_NAME) {
    const d = schema.defaultValue;
    return primitive('double', d instanceof BigDecimal ? Number(d.toString()) : null);
  }
  switch (schema.type) {
    case 'ARRAY':
      return buildMapping(schema.valueSchema);
    case 'MAP':
      return { properties: { key: buildMapping(schema.keySchema), value: buildMapping(schema.valueSchema) } };
    case 'STRUCT': {
      const properties: JsonObject = {};
      for (const f of schema.fields) properties[f.name] = buildMapping(f.schema);
      return { properties };
    }
    default: {
      const type = PRIMITIVES[schema.type];
      if (type === undefined) throw new DataException(`Invalid primitive type ${schema.type}.`);
      return primitive(type, schema.defaultValue);
    }
  }
}
