import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { ConfigException } from '../config/config-exception';
import { LambdaValidator } from '../config/validators';
import type { BigDecimal } from '../data/big-decimal';
import { DataException } from '../data/errors';
import { formatJavaDouble, formatJavaFloat } from '../data/java-number-format';
import { Date as LogicalDate, Time, Timestamp } from '../data/logical-types';
import type { Schema, SchemaType } from '../data/schema';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { REPLACE_NULL_WITH_DEFAULT_DOC } from './insert-field';
import { javaSplit } from './replace-field';
import { javaClassText, javaKind, schemaTypeOfKind } from './util/java-types';
import type { JavaKind } from './util/java-types';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { NumberFormatError } from './util/java-errors';
import { doubleToInt, doubleToLong, parseJavaDouble, parseJavaInt, wrapInt } from './util/number-parse';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache, copySchemaBasics, fieldValue } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';
import { formatDate } from '../data/values';

const INPUT_TYPES: readonly SchemaType[] = [
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FLOAT32',
  'FLOAT64',
  'BOOLEAN',
  'STRING',
  'BYTES',
];
const OUTPUT_TYPES: readonly SchemaType[] = [
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FLOAT32',
  'FLOAT64',
  'BOOLEAN',
  'STRING',
];
const ALL_TYPES = new Set<string>([
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FLOAT32',
  'FLOAT64',
  'BOOLEAN',
  'STRING',
  'BYTES',
  'ARRAY',
  'MAP',
  'STRUCT',
]);
/** The map key Connect uses for a whole-value cast (Java: null). */
const WHOLE_VALUE = '\u0000whole-value';

function validOutput(type: SchemaType): SchemaType {
  if (!OUTPUT_TYPES.includes(type))
    throw new ConfigException(
      `Cast transformation does not support casting to ${type}; supported types are [${OUTPUT_TYPES.join(', ')}]`,
    );
  return type;
}

function parseType(text: string): SchemaType {
  const t = text.trim().toUpperCase();
  // Java passes the IllegalArgumentException as the "value" of ConfigException(name, value): the text reads inverted.
  if (!ALL_TYPES.has(t))
    throw new ConfigException(
      `Invalid type found in casting spec: ${text.trim()}`,
      `java.lang.IllegalArgumentException: No enum constant org.apache.kafka.connect.data.Schema.Type.${t}`,
    );
  return t as SchemaType;
}

/** Cast.parseFieldTypes, with Connect's messages (including its "renames" key in the too-many-colons error). */
export function parseFieldTypes(mappings: readonly string[]): Map<string, SchemaType> {
  const m = new Map<string, SchemaType>();
  let whole = false;
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':');
    if (parts.length > 2)
      throw new ConfigException('renames', mappings, `Invalid rename mapping: ${mapping}`);
    if (parts.length === 1) {
      m.set(WHOLE_VALUE, validOutput(parseType(parts[0] ?? '')));
      whole = true;
    } else {
      m.set((parts[0] ?? '').trim(), validOutput(parseType(parts[1] ?? '')));
    }
  }
  if (whole && mappings.length > 1)
    throw new ConfigException(
      'Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec',
    );
  return m;
}

export const CAST_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'spec',
    type: 'LIST',
    validator: LambdaValidator.with(
      (_name, value) => {
        const list = value as string[] | null;
        if (list === null || list.length === 0)
          throw new ConfigException('Must specify at least one field to cast.');
        parseFieldTypes(list);
      },
      () => 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>',
    ),
    importance: 'HIGH',
    documentation:
      'List of fields and the type to cast them to of the form field1:type,field2:type to cast fields of ' +
      'Maps or Structs. A single type to cast the entire value. Valid types are int8, int16, int32, ' +
      'int64, float32, float64, boolean, and string. Note that binary fields can only be cast to string.',
  })
  .define({
    name: 'replace.null.with.default',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

const PURPOSE = 'cast types';

function builderFor(type: SchemaType): SchemaBuilder {
  if (!OUTPUT_TYPES.includes(type))
    throw new DataException(`Unexpected type in Cast transformation: ${type}`);
  return new SchemaBuilder(type);
}

/** A Java Number as the cast functions see it: exact integer or double, with Java's narrowing rules. */
type JNum = { int: bigint } | { dbl: number };

function asNumber(value: unknown, kind: JavaKind): JNum | null {
  switch (kind) {
    case 'Byte':
    case 'Short':
    case 'Integer':
      return { int: BigInt(value as number) };
    case 'Long':
      return { int: value as bigint };
    case 'Float':
    case 'Double':
      return { dbl: value as number };
    case 'BigDecimal':
      return { dbl: (value as BigDecimal).toNumber() };
    default:
      return null;
  }
}

function unexpected(kind: JavaKind): DataException {
  return new DataException(`Unexpected type in Cast transformation: ${javaClassText(kind)}`);
}

function toLong(n: JNum): bigint {
  return 'int' in n ? n.int : doubleToLong(n.dbl);
}

function castTo(value: unknown, kind: JavaKind, target: SchemaType): unknown {
  const n = asNumber(value, kind);
  switch (target) {
    case 'INT8':
    case 'INT16':
    case 'INT32': {
      const bits = target === 'INT8' ? 8 : target === 'INT16' ? 16 : 32;
      if (n !== null) return 'int' in n ? wrapInt(n.int, bits) : wrapInt(BigInt(doubleToInt(n.dbl)), bits);
      if (kind === 'Boolean') return value === true ? 1 : 0;
      if (kind === 'String') return Number(parseJavaInt(value as string, bits));
      throw unexpected(kind);
    }
    case 'INT64':
      if (n !== null) return BigInt.asIntN(64, toLong(n));
      if (kind === 'Boolean') return value === true ? 1n : 0n;
      if (kind === 'String') return parseJavaInt(value as string, 64);
      throw unexpected(kind);
    case 'FLOAT32':
    case 'FLOAT64': {
      let d: number;
      if (n !== null) d = 'int' in n ? Number(n.int) : n.dbl;
      else if (kind === 'Boolean') d = value === true ? 1 : 0;
      else if (kind === 'String') d = parseJavaDouble(value as string);
      else throw unexpected(kind);
      return target === 'FLOAT32' ? Math.fround(d) : d;
    }
    case 'BOOLEAN':
      if (n !== null) return toLong(n) !== 0n;
      if (kind === 'Boolean') return value;
      if (kind === 'String') return (value as string).toLowerCase() === 'true';
      throw unexpected(kind);
    case 'STRING':
      return castToString(value, kind);
    default:
      throw new DataException(`${target} is not supported in the Cast transformation.`);
  }
}

function castToString(value: unknown, kind: JavaKind): string {
  switch (kind) {
    case 'Date':
      return formatDate(value as Date);
    case 'Bytes':
      return Buffer.from(value as Uint8Array).toString('base64');
    case 'Float':
      return formatJavaFloat(value as number);
    case 'Double':
      return formatJavaDouble(value as number);
    default:
      return String(value);
  }
}

/** Cast.castValueToType. */
export function castValueToType(schema: Schema | null, value: unknown, target: SchemaType): unknown {
  if (value === null || value === undefined) return null;
  let kind = javaKind(value, schema);
  const inferred = schema === null ? schemaTypeOfKind(kind) : schema.type;
  if (inferred === null)
    throw new DataException(
      `Cast transformation was passed a value of type ${javaClassText(kind)} which is not supported by Connect's data API`,
    );
  if (!INPUT_TYPES.includes(inferred))
    throw new DataException(
      `Cast transformation does not support casting from ${inferred}; supported types are [${INPUT_TYPES.join(', ')}]`,
    );
  let v = value;
  if (schema !== null && schema.name !== null && target !== 'STRING' && value instanceof Date) {
    if (schema.name === LogicalDate.LOGICAL_NAME) v = LogicalDate.fromLogical(schema, value);
    else if (schema.name === Time.LOGICAL_NAME) v = Time.fromLogical(schema, value);
    else if (schema.name === Timestamp.LOGICAL_NAME) v = Timestamp.fromLogical(schema, value);
    kind = typeof v === 'bigint' ? 'Long' : typeof v === 'number' ? 'Integer' : kind;
  }
  try {
    return castTo(v, kind, target);
  } catch (e) {
    if (e instanceof NumberFormatError)
      throw new DataException(`Value (${castToString(v, kind)}) was out of range for requested data type`, {
        cause: e,
      });
    throw e;
  }
}

/** org.apache.kafka.connect.transforms.Cast$Key / $Value. */
export class Cast<R extends ConnectRecord<R>> implements Transformation<R> {
  #casts = new Map<string, SchemaType>();
  #whole: SchemaType | null = null;
  #replaceNullWithDefault = true;
  #cache = new SchemaCache();

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.Cast$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(CAST_CONFIG_DEF, props);
    this.#casts = parseFieldTypes(config.getList('spec'));
    this.#whole = this.#casts.get(WHOLE_VALUE) ?? null;
    this.#cache = new SchemaCache();
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
  }

  apply(record: R): R {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.side.schema(record);
    if (schema === null) {
      if (this.#whole !== null)
        return this.side.newRecord(record, null, castValueToType(null, value, this.#whole));
      const map = requireMap(value, PURPOSE);
      const updated = new Map(map);
      for (const [field, type] of this.#casts)
        updated.set(field, castValueToType(null, map.get(field) ?? null, type));
      return this.side.newRecord(record, null, updated);
    }
    const updatedSchema = this.#schemaFor(schema);
    if (this.#whole !== null)
      return this.side.newRecord(record, updatedSchema, castValueToType(schema, value, this.#whole));
    const struct = requireStruct(value, PURPOSE);
    const updated = new Struct(updatedSchema);
    for (const field of struct.schema.fields) {
      const orig = fieldValue(struct, field, this.#replaceNullWithDefault);
      const target = this.#casts.get(field.name);
      const target2 = updatedSchema.field(field.name);
      if (target2 === null) continue;
      updated.put(target2, target !== undefined ? castValueToType(field.schema, orig, target) : orig);
    }
    return this.side.newRecord(record, updatedSchema, updated);
  }

  #schemaFor(valueSchema: Schema): Schema {
    const cached = this.#cache.get(valueSchema);
    if (cached !== undefined) return cached;
    let builder: SchemaBuilder;
    if (this.#whole !== null) {
      builder = copySchemaBasics(valueSchema, builderFor(this.#whole));
    } else {
      builder = copySchemaBasics(valueSchema, SchemaBuilder.struct());
      for (const field of valueSchema.fields) {
        const target = this.#casts.get(field.name);
        if (target !== undefined) {
          const fb = builderFor(target);
          if (field.schema.isOptional) fb.optional();
          if (field.schema.defaultValue !== null && field.schema.defaultValue !== undefined)
            fb.defaultValue(castValueToType(field.schema, field.schema.defaultValue, fb.type));
          builder.field(field.name, fb.build());
        } else {
          builder.field(field.name, field.schema);
        }
      }
    }
    if (valueSchema.isOptional) builder.optional();
    if (valueSchema.defaultValue !== null && valueSchema.defaultValue !== undefined)
      builder.defaultValue(castValueToType(valueSchema, valueSchema.defaultValue, builder.type));
    const built = builder.build();
    this.#cache.put(valueSchema, built);
    return built;
  }

  config(): ConfigDef {
    return CAST_CONFIG_DEF;
  }

  close(): void {}
}

export const castKey = <R extends ConnectRecord<R>>(): Cast<R> => new Cast<R>(KEY);
export const castValue = <R extends ConnectRecord<R>>(): Cast<R> => new Cast<R>(VALUE);
