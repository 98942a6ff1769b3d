import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { NonEmptyString, ValidList } from '../config/validators';
import { BigDecimal } from '../data/big-decimal';
import { DataException } from '../data/errors';
import type { Schema } from '../data/schema';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { REPLACE_NULL_WITH_DEFAULT_DOC } from './insert-field';
import { javaClassText, javaKind } from './util/java-types';
import type { JavaKind } from './util/java-types';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { doubleToInt, doubleToLong, parseJavaDouble, wrapInt } from './util/number-parse';
import { NumberFormatError } from './util/java-errors';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache, fieldValue } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';

export const MASK_FIELD_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'fields',
    type: 'LIST',
    validator: ValidList.anyNonDuplicateValues(false, false),
    importance: 'HIGH',
    documentation: 'Names of fields to mask.',
  })
  .define({
    name: 'replacement',
    type: 'STRING',
    defaultValue: null,
    validator: new NonEmptyString(),
    importance: 'LOW',
    documentation:
      "Custom value replacement, that will be applied to all 'fields' values (numeric or non-empty string values only).",
  })
  .define({
    name: 'replace.null.with.default',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

const PURPOSE = 'mask fields';

function maskWithNullValue(kind: JavaKind): unknown {
  switch (kind) {
    case 'Boolean':
      return false;
    case 'Byte':
    case 'Short':
    case 'Integer':
    case 'Float':
    case 'Double':
      return 0;
    case 'Long':
      return 0n;
    case 'BigDecimal':
      return new BigDecimal(0n, 0);
    case 'Date':
      return new Date(0);
    case 'String':
      return '';
    case 'List':
      return [];
    case 'Map':
      return new Map();
    default:
      throw new DataException(`Cannot mask value of type: ${javaClassText(kind)}`);
  }
}

/** Values.convertToXxx(null, String): the string parsed as a number, then narrowed like Number.xxxValue(). */
function convertString(replacement: string, kind: JavaKind): unknown {
  let d: number;
  try {
    d = parseJavaDouble(replacement);
  } catch {
    throw new DataException(`Unable to convert ${replacement} (class java.lang.String) to a number`);
  }
  const exactInt = /^[+-]?\d+$/.test(replacement.trim()) ? BigInt(replacement.trim()) : null;
  switch (kind) {
    case 'Byte':
      return exactInt !== null ? wrapInt(exactInt, 8) : wrapInt(BigInt(doubleToInt(d)), 8);
    case 'Short':
      return exactInt !== null ? wrapInt(exactInt, 16) : wrapInt(BigInt(doubleToInt(d)), 16);
    case 'Integer':
      return exactInt !== null ? wrapInt(exactInt, 32) : doubleToInt(d);
    case 'Long':
      return exactInt !== null ? BigInt.asIntN(64, exactInt) : doubleToLong(d);
    case 'Float':
      return Math.fround(d);
    default:
      return d;
  }
}

function maskWithCustomReplacement(kind: JavaKind, replacement: string): unknown {
  switch (kind) {
    case 'Byte':
    case 'Short':
    case 'Integer':
    case 'Long':
    case 'Float':
    case 'Double':
      return convertString(replacement, kind);
    case 'String':
      return replacement;
    case 'BigDecimal':
      try {
        return BigDecimal.parse(replacement);
      } catch {
        throw new DataException(`Unable to convert ${replacement} (class java.lang.String) to number`, {
          cause: new NumberFormatError(
            `Character ${replacement.charAt(0)} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`,
          ),
        });
      }
    default:
      throw new DataException(`Cannot mask value of type ${javaClassText(kind)} with custom replacement.`);
  }
}

/** org.apache.kafka.connect.transforms.MaskField$Key / $Value. No null guard: a null key/value throws, as in Connect. */
export class MaskField<R extends ConnectRecord<R>> implements Transformation<R> {
  #fields = new Set<string>();
  #replacement: string | null = null;
  #replaceNullWithDefault = true;
  /** Per input schema, which of its fields (by index) are masked. */
  #maskedBySchema = new SchemaCache<readonly boolean[]>();

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.MaskField$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(MASK_FIELD_CONFIG_DEF, props);
    this.#fields = new Set(config.getList('fields'));
    this.#replacement = config.getString('replacement');
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
    this.#maskedBySchema = new SchemaCache();
  }

  apply(record: R): R {
    return this.side.schema(record) === null ? this.#applySchemaless(record) : this.#applyWithSchema(record);
  }

  #masked(value: unknown, schema: Schema | null): unknown {
    if (value === null || value === undefined) return null;
    const kind = javaKind(value, schema);
    return this.#replacement === null
      ? maskWithNullValue(kind)
      : maskWithCustomReplacement(kind, this.#replacement);
  }

  #applySchemaless(record: R): R {
    const value = requireMap(this.side.value(record), PURPOSE);
    const updated = new Map(value);
    for (const field of this.#fields) updated.set(field, this.#masked(value.get(field), null));
    return this.side.newRecord(record, this.side.schema(record), updated);
  }

  #applyWithSchema(record: R): R {
    const value = requireStruct(this.side.value(record), PURPOSE);
    const schema = value.schema;
    let masked = this.#maskedBySchema.get(schema);
    if (masked === undefined) {
      masked = schema.fields.map((field) => this.#fields.has(field.name));
      this.#maskedBySchema.put(schema, masked);
    }
    const updated = new Struct(schema);
    const fields = schema.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      if (masked[i])
        updated.put(
          field,
          this.#masked(fieldValue(value, field, this.#replaceNullWithDefault), field.schema),
        );
      else updated.putCopyOf(field, value, field, this.#replaceNullWithDefault);
    }
    return this.side.newRecord(record, this.side.schema(record), updated);
  }

  config(): ConfigDef {
    return MASK_FIELD_CONFIG_DEF;
  }

  close(): void {}
}

export const maskFieldKey = <R extends ConnectRecord<R>>(): MaskField<R> => new MaskField<R>(KEY);
export const maskFieldValue = <R extends ConnectRecord<R>>(): MaskField<R> => new MaskField<R>(VALUE);
