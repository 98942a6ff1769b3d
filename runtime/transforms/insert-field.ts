import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { ConfigException } from '../config/config-exception';
import type { Field } from '../data/field';
import type { Schema } from '../data/schema';
import { Schema as S } from '../data/schema';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import { Timestamp } from '../data/logical-types';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { requireMap, requireSinkRecord, requireStruct } from './util/requirements';
import { SchemaCache, copySchemaBasics } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';

const OPTIONALITY_DOC =
  'Suffix with <code>!</code> to make this a required field, or <code>?</code> to keep it optional (the default).';
export const REPLACE_NULL_WITH_DEFAULT_DOC =
  'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.';

export const INSERT_FIELD_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'topic.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for Kafka topic. ${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'partition.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for Kafka partition. ${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'offset.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for Kafka offset - only applicable to sink connectors.<br/>${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'timestamp.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for record timestamp. ${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'static.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for static data field. ${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'static.value',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: 'Static field value, if field name configured.',
  })
  .define({
    name: 'replace.null.with.default',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

const PURPOSE = 'field insertion';
const OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();

interface InsertionSpec {
  readonly name: string;
  readonly optional: boolean;
}

function parseSpec(spec: string | null): InsertionSpec | null {
  if (spec === null) return null;
  if (spec.endsWith('?')) return { name: spec.slice(0, -1), optional: true };
  if (spec.endsWith('!')) return { name: spec.slice(0, -1), optional: false };
  return { name: spec, optional: true };
}

interface InsertionPlan {
  readonly schema: Schema;
  readonly topic: Field | null;
  readonly partition: Field | null;
  readonly offset: Field | null;
  readonly timestamp: Field | null;
  readonly static: Field | null;
}

/** org.apache.kafka.connect.transforms.InsertField$Key / $Value. */
export class InsertField<R extends ConnectRecord<R>> implements Transformation<R> {
  #topic: InsertionSpec | null = null;
  #partition: InsertionSpec | null = null;
  #offset: InsertionSpec | null = null;
  #timestamp: InsertionSpec | null = null;
  #static: InsertionSpec | null = null;
  #staticValue: string | null = null;
  #replaceNullWithDefault = true;
  #cache = new SchemaCache<InsertionPlan>();

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.InsertField$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(INSERT_FIELD_CONFIG_DEF, props);
    this.#topic = parseSpec(config.getString('topic.field'));
    this.#partition = parseSpec(config.getString('partition.field'));
    this.#offset = parseSpec(config.getString('offset.field'));
    this.#timestamp = parseSpec(config.getString('timestamp.field'));
    this.#static = parseSpec(config.getString('static.field'));
    this.#staticValue = config.getString('static.value');
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
    if (!this.#topic && !this.#partition && !this.#offset && !this.#timestamp && !this.#static)
      throw new ConfigException('No field insertion configured');
    if (this.#static && this.#staticValue === null)
      throw new ConfigException(
        'static.value',
        null,
        `No value specified for static field: ${specText(this.#static)}`,
      );
    this.#cache = new SchemaCache<InsertionPlan>();
  }

  apply(record: R): R {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    return this.side.schema(record) === null
      ? this.#applySchemaless(record, value)
      : this.#applyWithSchema(record, value);
  }

  #applySchemaless(record: R, raw: unknown): R {
    const value = requireMap(raw, PURPOSE);
    const updated = new Map(value);
    if (this.#topic) updated.set(this.#topic.name, record.topic);
    if (this.#partition && record.kafkaPartition !== null)
      updated.set(this.#partition.name, record.kafkaPartition);
    if (this.#offset) updated.set(this.#offset.name, BigInt(requireSinkRecord(record, PURPOSE).kafkaOffset));
    if (this.#timestamp && record.timestamp !== null)
      updated.set(this.#timestamp.name, BigInt(record.timestamp));
    if (this.#static && this.#staticValue !== null) updated.set(this.#static.name, this.#staticValue);
    return this.side.newRecord(record, null, updated);
  }

  #applyWithSchema(record: R, raw: unknown): R {
    const value = requireStruct(raw, PURPOSE);
    let plan = this.#cache.get(value.schema);
    if (plan === undefined) {
      plan = this.#makePlan(value.schema);
      this.#cache.put(value.schema, plan);
    }
    const updated = new Struct(plan.schema);
    // The updated schema starts with the original's fields in order: put by Field, no name lookup.
    const fields = value.schema.fields;
    const target = plan.schema.fields;
    for (let i = 0; i < fields.length; i++)
      updated.putCopyOf(target[i], value, fields[i], this.#replaceNullWithDefault);
    if (plan.topic !== null) updated.put(plan.topic, record.topic);
    if (plan.partition !== null && record.kafkaPartition !== null)
      updated.put(plan.partition, record.kafkaPartition);
    if (plan.offset !== null)
      updated.put(plan.offset, BigInt(requireSinkRecord(record, PURPOSE).kafkaOffset));
    if (plan.timestamp !== null && record.timestamp !== null)
      updated.put(plan.timestamp, new Date(record.timestamp));
    if (plan.static !== null && this.#staticValue !== null) updated.put(plan.static, this.#staticValue);
    return this.side.newRecord(record, plan.schema, updated);
  }

  /** The updated schema of an input schema and its inserted fields (Connect's schemaUpdateCache entry). */
  #makePlan(input: Schema): InsertionPlan {
    const schema = this.#makeUpdatedSchema(input);
    const inserted = (spec: InsertionSpec | null): Field | null =>
      spec === null ? null : schema.field(spec.name);
    return {
      schema,
      topic: inserted(this.#topic),
      partition: inserted(this.#partition),
      offset: inserted(this.#offset),
      timestamp: inserted(this.#timestamp),
      static: inserted(this.#static),
    };
  }

  #makeUpdatedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) builder.field(field.name, field.schema);
    if (this.#topic)
      builder.field(this.#topic.name, this.#topic.optional ? S.OPTIONAL_STRING_SCHEMA : S.STRING_SCHEMA);
    if (this.#partition)
      builder.field(
        this.#partition.name,
        this.#partition.optional ? S.OPTIONAL_INT32_SCHEMA : S.INT32_SCHEMA,
      );
    if (this.#offset)
      builder.field(this.#offset.name, this.#offset.optional ? S.OPTIONAL_INT64_SCHEMA : S.INT64_SCHEMA);
    if (this.#timestamp)
      builder.field(
        this.#timestamp.name,
        this.#timestamp.optional ? OPTIONAL_TIMESTAMP_SCHEMA : Timestamp.SCHEMA,
      );
    if (this.#static)
      builder.field(this.#static.name, this.#static.optional ? S.OPTIONAL_STRING_SCHEMA : S.STRING_SCHEMA);
    return builder.build();
  }

  config(): ConfigDef {
    return INSERT_FIELD_CONFIG_DEF;
  }

  close(): void {
    this.#cache = new SchemaCache<InsertionPlan>();
  }
}

/**
 * Java prints the InsertionSpec object itself in this message (Object.toString(): class@identityHash);
 * the hash cannot be reproduced, so we print a stable stand-in derived from the field name.
 */
function specText(spec: InsertionSpec): string {
  let h = 0;
  for (let i = 0; i < spec.name.length; i++) h = (Math.imul(31, h) + spec.name.charCodeAt(i)) | 0;
  return `org.apache.kafka.connect.transforms.InsertField$InsertionSpec@${(h >>> 0).toString(16)}`;
}

export const insertFieldKey = <R extends ConnectRecord<R>>(): InsertField<R> => new InsertField<R>(KEY);
export const insertFieldValue = <R extends ConnectRecord<R>>(): InsertField<R> => new InsertField<R>(VALUE);
