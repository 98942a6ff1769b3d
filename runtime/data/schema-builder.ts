import { ConnectSchema } from './connect-schema';
import { DataException, SchemaBuilderException } from './errors';
import { Field } from './field';
import type { Schema, SchemaType } from './schema';

/**
 * org.apache.kafka.connect.data.SchemaBuilder: fluent construction of a Schema, with Java's checks
 * and messages. Unlike Java, a builder is not itself a Schema: call build(). Methods that take a
 * schema also accept a builder (it is built at that point).
 */
export class SchemaBuilder {
  #optional: boolean | null = null;
  #defaultValue: unknown = null;
  readonly #fields: Map<string, Field> | null;
  #keySchema: Schema | null = null;
  #valueSchema: Schema | null = null;
  #name: string | null = null;
  #version: number | null = null;
  #doc: string | null = null;
  #parameters: Map<string, string> | null = null;

  constructor(readonly type: SchemaType) {
    if (type === null || type === undefined) throw new SchemaBuilderException('type cannot be null');
    this.#fields = type === 'STRUCT' ? new Map() : null;
  }

  static type(type: SchemaType): SchemaBuilder {
    return new SchemaBuilder(type);
  }
  static int8(): SchemaBuilder {
    return new SchemaBuilder('INT8');
  }
  static int16(): SchemaBuilder {
    return new SchemaBuilder('INT16');
  }
  static int32(): SchemaBuilder {
    return new SchemaBuilder('INT32');
  }
  static int64(): SchemaBuilder {
    return new SchemaBuilder('INT64');
  }
  static float32(): SchemaBuilder {
    return new SchemaBuilder('FLOAT32');
  }
  static float64(): SchemaBuilder {
    return new SchemaBuilder('FLOAT64');
  }
  static bool(): SchemaBuilder {
    return new SchemaBuilder('BOOLEAN');
  }
  static string(): SchemaBuilder {
    return new SchemaBuilder('STRING');
  }
  static bytes(): SchemaBuilder {
    return new SchemaBuilder('BYTES');
  }
  static struct(): SchemaBuilder {
    return new SchemaBuilder('STRUCT');
  }
  static array(valueSchema: Schema | SchemaBuilder): SchemaBuilder {
    if (valueSchema == null) throw new SchemaBuilderException('valueSchema cannot be null.');
    const b = new SchemaBuilder('ARRAY');
    b.#valueSchema = asSchema(valueSchema);
    return b;
  }
  static map(keySchema: Schema | SchemaBuilder, valueSchema: Schema | SchemaBuilder): SchemaBuilder {
    if (keySchema == null) throw new SchemaBuilderException('keySchema cannot be null.');
    if (valueSchema == null) throw new SchemaBuilderException('valueSchema cannot be null.');
    const b = new SchemaBuilder('MAP');
    b.#keySchema = asSchema(keySchema);
    b.#valueSchema = asSchema(valueSchema);
    return b;
  }

  get isOptional(): boolean {
    return this.#optional === true;
  }
  optional(): this {
    checkCanSet('optional', this.#optional, true);
    this.#optional = true;
    return this;
  }
  required(): this {
    checkCanSet('optional', this.#optional, false);
    this.#optional = false;
    return this;
  }

  /** Sets the default value (validated against the schema built so far: "Invalid default value"). */
  defaultValue(value: unknown): this {
    checkCanSet('default', this.#defaultValue, value);
    try {
      ConnectSchema.validateValue(this.#snapshot(), value);
    } catch (e) {
      if (e instanceof DataException) throw new SchemaBuilderException('Invalid default value', { cause: e });
      throw e;
    }
    this.#defaultValue = value ?? null;
    return this;
  }
  name(name: string): this {
    checkCanSet('name', this.#name, name);
    this.#name = name;
    return this;
  }
  version(version: number): this {
    checkCanSet('version', this.#version, version);
    this.#version = version;
    return this;
  }
  doc(doc: string): this {
    checkCanSet('doc', this.#doc, doc);
    this.#doc = doc;
    return this;
  }
  parameter(name: string, value: string): this {
    this.#parameters ??= new Map();
    this.#parameters.set(name, value);
    return this;
  }
  parameters(props: ReadonlyMap<string, string> | Readonly<Record<string, string>>): this {
    const entries: [string, string][] =
      props instanceof Map
        ? [...(props as ReadonlyMap<string, string>)]
        : Object.entries(props as Readonly<Record<string, string>>);
    if (entries.length === 0) return this;
    this.#parameters ??= new Map();
    for (const [k, v] of entries) this.#parameters.set(k, v);
    return this;
  }

  /** Adds a struct field (in order). */
  field(fieldName: string, fieldSchema: Schema | SchemaBuilder): this {
    if (this.#fields === null) throw new SchemaBuilderException(`Cannot create fields on type ${this.type}`);
    if (fieldName == null || fieldName === '') throw new SchemaBuilderException('fieldName cannot be null.');
    if (fieldSchema == null)
      throw new SchemaBuilderException(`fieldSchema for field ${fieldName} cannot be null.`);
    if (this.#fields.has(fieldName))
      throw new SchemaBuilderException(`Cannot create field because of field name duplication ${fieldName}`);
    this.#fields.set(fieldName, new Field(fieldName, this.#fields.size, asSchema(fieldSchema)));
    return this;
  }

  /** Read-side accessors, as the Java builder (which is also a Schema) offers. */
  get fields(): readonly Field[] {
    if (this.#fields === null) throw new DataException('Cannot list fields on non-struct type');
    return [...this.#fields.values()];
  }
  getField(fieldName: string): Field | null {
    if (this.#fields === null) throw new DataException('Cannot look up fields on non-struct type');
    return this.#fields.get(fieldName) ?? null;
  }
  get keySchema(): Schema | null {
    return this.#keySchema;
  }
  get valueSchema(): Schema | null {
    return this.#valueSchema;
  }
  get schemaName(): string | null {
    return this.#name;
  }
  get schemaVersion(): number | null {
    return this.#version;
  }
  get schemaDoc(): string | null {
    return this.#doc;
  }
  get schemaParameters(): ReadonlyMap<string, string> | null {
    return this.#parameters;
  }
  get schemaDefaultValue(): unknown {
    return this.#defaultValue;
  }

  build(): Schema {
    return new ConnectSchema(
      this.type,
      this.isOptional,
      this.#defaultValue,
      this.#name,
      this.#version,
      this.#doc,
      this.#parameters === null ? null : new Map(this.#parameters),
      this.#fields === null ? null : [...this.#fields.values()],
      this.#keySchema,
      this.#valueSchema,
    );
  }

  /** Java's schema(): same as build(). */
  schema(): Schema {
    return this.build();
  }

  #snapshot(): Schema {
    return this.build();
  }
}

function asSchema(s: Schema | SchemaBuilder): Schema {
  return s instanceof SchemaBuilder ? s.build() : s;
}

function checkCanSet(fieldName: string, current: unknown, value: unknown): void {
  if (current !== null && current !== undefined && current !== value)
    throw new SchemaBuilderException(`Invalid SchemaBuilder call: ${fieldName} has already been set.`);
}
