/**
 * io.debezium.transforms.ExtractNewRecordState (Debezium 3.6): replaces the change-event envelope
 * with its `after` state (or `before` for rewritten deletes), per delete.tombstone.handling.mode,
 * with optional add.fields / add.headers / route.by.field. Non-envelope records pass unchanged.
 */
import type { ConnectRecord } from '../../api/records';
import { ConfigDef } from '../../config/config-def';
import { ConfigException } from '../../config/config-exception';
import type { Schema } from '../../data/schema';
import { SchemaBuilder } from '../../data/schema-builder';
import { Struct } from '../../data/struct';
import type { PluginConfigs, Transformation } from '../transformation';

export const EXTRACT_NEW_RECORD_STATE_CLASS = 'io.debezium.transforms.ExtractNewRecordState';
const MODES = ['drop', 'tombstone', 'rewrite', 'rewrite-with-tombstone', 'delete-to-tombstone'];

export const EXTRACT_NEW_RECORD_STATE_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'delete.tombstone.handling.mode',
    type: 'STRING',
    defaultValue: 'tombstone',
    validator: {
      ensureValid(name, value) {
        if (typeof value === 'string' && !MODES.includes(value.toLowerCase())) {
          throw new ConfigException(
            `The '${name}' value is invalid: Value must be one of ${MODES.join(', ')}`,
          );
        }
      },
      toString: () => MODES.join(', '),
    },
    importance: 'MEDIUM',
    documentation:
      "How to handle delete records. Options are: drop - records are removed (the default),tombstone - Debezium's generated tombstones are kept, rewrite - __deleted field is added to records,rewrite-with-tombstone - __deleted field is added to records and tombstones are kept,delete-to-tombstone - the value of the delete record is converted to a tombstone.",
    group: 'Connector',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Behavior for delete tombstone records',
  })
  .define({
    name: 'route.by.field',
    type: 'STRING',
    defaultValue: '',
    importance: 'LOW',
    documentation:
      'The column which determines how the events will be routed, the value will replace the topic name.',
    group: 'Connector',
    orderInGroup: 2,
    width: 'LONG',
    displayName: 'Route by field name',
  })
  .define({
    name: 'add.fields.prefix',
    type: 'STRING',
    defaultValue: '__',
    importance: 'LOW',
    documentation: 'Adds this prefix to each field listed.',
    group: 'Connector',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Field prefix to be added to each field.',
  })
  .define({
    name: 'add.fields',
    type: 'LIST',
    defaultValue: '',
    importance: 'LOW',
    documentation:
      "Adds each field listed, prefixed with __ (or __<struct>_ if the struct is specified). Example: 'version,connector,source.ts_ms' would add __version, __connector and __source_ts_ms fields. Optionally one can also map new field name like version:VERSION,connector:CONNECTOR,source.ts_ms:EVENT_TIMESTAMP.Please note that the new field name is case-sensitive.",
    group: 'Connector',
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'Adds the specified field(s) to the message if they exist.',
  })
  .define({
    name: 'add.headers.prefix',
    type: 'STRING',
    defaultValue: '__',
    importance: 'LOW',
    documentation: 'Adds this prefix listed to each header.',
    group: 'Connector',
    orderInGroup: 5,
    width: 'SHORT',
    displayName: 'Header prefix to be added to each header.',
  })
  .define({
    name: 'add.headers',
    type: 'LIST',
    defaultValue: '',
    importance: 'LOW',
    documentation:
      "Adds each field listed to the header,  __ (or __<struct>_ if the struct is specified). Example: 'version,connector,source.ts_ms' would add __version, __connector and __source_ts_ms fields. Optionally one can also map new field name like version:VERSION,connector:CONNECTOR,source.ts_ms:EVENT_TIMESTAMP.Please note that the new field name is case-sensitive.",
    group: 'Connector',
    orderInGroup: 6,
    width: 'LONG',
    displayName: 'Adds the specified fields to the header if they exist.',
  })
  .define({
    name: 'drop.fields.header.name',
    type: 'STRING',
    defaultValue: null,
    importance: 'LOW',
    documentation: 'Specifies a header that contains a list of field names to be removed',
    group: 'Connector',
    orderInGroup: 7,
    width: 'SHORT',
    displayName: 'Specifies a header that contains a list of field names to be removed',
  })
  .define({
    name: 'drop.fields.from.key',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation: 'Specifies whether the fields to be dropped should also be omitted from the key',
    group: 'Connector',
    orderInGroup: 8,
    width: 'SHORT',
    displayName: 'Specifies whether to apply the drop fields behavior to the event key as well as the value.',
  })
  .define({
    name: 'drop.fields.keep.schema.compatible',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation:
      "Controls the output event's schema compatibility when using the drop fields feature. `true`: dropped fields are removed if the schema indicates its optional leaving the schema unchanged, `false`: The field is removed from both the schema and value.",
    group: 'Connector',
    orderInGroup: 9,
    width: 'SHORT',
    displayName: 'Drop Fields Keep Schema Compatible',
  });

interface FieldSpec {
  struct: string | null;
  field: string;
  newName: string;
}

const TOP_LEVEL = new Set(['op', 'ts_ms', 'ts_us', 'ts_ns']);
const TRANSACTION = new Set(['id', 'total_order', 'data_collection_order']);

function parseSpecs(list: string[], prefix: string): FieldSpec[] {
  return list
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const [path = '', mapped] = s.split(':');
      const parts = path.split('.');
      let struct: string | null = parts.length > 1 ? (parts[0] ?? null) : null;
      const field = parts[parts.length - 1] ?? '';
      if (struct === null && !TOP_LEVEL.has(field))
        struct = TRANSACTION.has(field) ? 'transaction' : 'source';
      const explicit = parts.length > 1;
      const newName = prefix + (mapped ?? (explicit ? `${parts[0]}_${field}` : field));
      return { struct, field, newName };
    });
}

export class ExtractNewRecordState<R extends ConnectRecord<R>> implements Transformation<R> {
  readonly className = EXTRACT_NEW_RECORD_STATE_CLASS;
  private mode = 'tombstone';
  private addFields: FieldSpec[] = [];
  private addHeaders: FieldSpec[] = [];
  private routeBy = '';
  private cache = new Map<string, Schema>();

  configure(configs: PluginConfigs): void {
    const props: Record<string, string> = {};
    for (const [k, v] of Object.entries(configs)) {
      if (typeof v === 'string') props[k] = v;
      else if (Array.isArray(v)) props[k] = v.join(',');
      else if (typeof v === 'boolean' || typeof v === 'number') props[k] = String(v);
    }
    const p = EXTRACT_NEW_RECORD_STATE_CONFIG_DEF.parse(props);
    this.mode = (p.get('delete.tombstone.handling.mode') as string).toLowerCase();
    this.addFields = parseSpecs(p.get('add.fields') as string[], p.get('add.fields.prefix') as string);
    this.addHeaders = parseSpecs(p.get('add.headers') as string[], p.get('add.headers.prefix') as string);
    this.routeBy = p.get('route.by.field') as string;
  }

  config(): ConfigDef {
    return EXTRACT_NEW_RECORD_STATE_CONFIG_DEF;
  }

  close(): void {}

  private envelopeValue(env: Struct, spec: FieldSpec): { schema: Schema; value: unknown } | null {
    if (spec.struct === null) {
      const f = env.schema.field(spec.field);
      return f ? { schema: f.schema, value: env.get(spec.field) } : null;
    }
    const sf = env.schema.field(spec.struct);
    if (!sf) return null;
    const inner = env.get(spec.struct) as Struct | null;
    const f = sf.schema.field(spec.field);
    if (!f) return null;
    return { schema: f.schema, value: inner ? inner.get(spec.field) : null };
  }

  apply(record: R): R | null {
    const value = record.value;
    if (value === null) {
      // an incoming tombstone
      return this.mode === 'rewrite-with-tombstone' ? record : null;
    }
    const schema = record.valueSchema;
    if (!(value instanceof Struct) || !schema?.name?.endsWith('.Envelope')) return record;
    const before = value.get('before') as Struct | null;
    const after = value.get('after') as Struct | null;
    const op = value.schema.field('op') ? (value.get('op') as string | null) : null;
    if (op === 't' || (before === null && after === null)) return null;
    const headers = record.headers.duplicate();
    const isDelete = after === null;
    for (const h of this.addHeaders) {
      if (isDelete && this.mode === 'delete-to-tombstone' && h.field !== 'op') continue;
      const v = this.envelopeValue(value, h);
      if (v) headers.add(h.newName, v.value, v.schema);
    }
    const rewrite = this.mode === 'rewrite' || this.mode === 'rewrite-with-tombstone';
    if (isDelete) {
      if (this.mode === 'drop') return null;
      if (this.mode === 'delete-to-tombstone') {
        return record.newRecord(
          record.topic,
          record.kafkaPartition,
          record.keySchema,
          record.key,
          null,
          null,
          record.timestamp,
          headers,
        );
      }
      if (this.mode === 'tombstone') {
        const afterSchema = schema.field('after')!.schema;
        return record.newRecord(
          record.topic,
          record.kafkaPartition,
          record.keySchema,
          record.key,
          afterSchema,
          null,
          record.timestamp,
          headers,
        );
      }
    }
    const state = isDelete ? before! : after;
    const extra: { name: string; schema: Schema; value: unknown }[] = [];
    if (rewrite)
      extra.push({
        name: '__deleted',
        schema: SchemaBuilder.string().optional().build(),
        value: isDelete ? 'true' : 'false',
      });
    for (const f of this.addFields) {
      const v = this.envelopeValue(value, f);
      if (v) extra.push({ name: f.newName, schema: optionalCopy(v.schema), value: v.value });
    }
    let newSchema = state.schema;
    let newValue = state;
    if (extra.length > 0) {
      const cacheKey = `${state.schema.name ?? ''}|${extra.map((e) => e.name).join(',')}|${state.schema.fields.length}`;
      let s = this.cache.get(cacheKey);
      if (!s) {
        const b = SchemaBuilder.struct();
        if (state.schema.name) b.name(state.schema.name);
        if (state.schema.version !== null) b.version(state.schema.version);
        if (state.schema.doc) b.doc(state.schema.doc);
        if (state.schema.isOptional) b.optional();
        for (const f of state.schema.fields) b.field(f.name, f.schema);
        for (const e of extra) b.field(e.name, e.schema);
        s = b.build();
        this.cache.set(cacheKey, s);
      }
      newSchema = s;
      newValue = new Struct(s);
      for (const f of state.schema.fields) newValue.put(f.name, state.getWithoutDefault(f.name));
      for (const e of extra) newValue.put(e.name, e.value);
    }
    let topic = record.topic;
    if (this.routeBy) {
      const routed = state.schema.field(this.routeBy) ? state.get(this.routeBy) : null;
      if (typeof routed === 'string') topic = routed;
    }
    return record.newRecord(
      topic,
      record.kafkaPartition,
      record.keySchema,
      record.key,
      newSchema,
      newValue,
      record.timestamp,
      headers,
    );
  }
}

function optionalCopy(schema: Schema): Schema {
  if (schema.isOptional) return schema;
  const b = new SchemaBuilder(schema.type);
  if (schema.name) b.name(schema.name);
  if (schema.version !== null) b.version(schema.version);
  if (schema.parameters) b.parameters(schema.parameters);
  if (schema.type === 'STRUCT') for (const f of schema.fields) b.field(f.name, f.schema);
  return b.optional().build();
}

/** Registration entry (same shape as runtime/transforms/plugins.ts TransformationPlugin). */
export const EXTRACT_NEW_RECORD_STATE_PLUGIN = {
  type: 'transformation' as const,
  className: EXTRACT_NEW_RECORD_STATE_CLASS,
  version: '3.6.1.Final',
  configDef: EXTRACT_NEW_RECORD_STATE_CONFIG_DEF,
  aliases: ['ExtractNewRecordState'],
  factory: <R extends ConnectRecord<R>>(): Transformation<R> => new ExtractNewRecordState<R>(),
};
