import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { ConfigException } from '../config/config-exception';
import { LambdaValidator, ValidList } from '../config/validators';
import type { Schema } from '../data/schema';
import { SchemaBuilder } from '../data/schema-builder';
import { Struct } from '../data/struct';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { REPLACE_NULL_WITH_DEFAULT_DOC } from './insert-field';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { requireMap, requireStruct } from './util/requirements';
import { SchemaCache, copySchemaBasics } from './util/schema-util';
import { SimpleConfig } from './util/simple-config';

/** ReplaceField.parseRenameMappings: `old:new` pairs (Java String.split(":") drops trailing empties). */
export function parseRenameMappings(mappings: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':');
    if (parts.length !== 2)
      throw new ConfigException('renames', mappings, `Invalid rename mapping: ${mapping}`);
    m.set(parts[0] ?? '', parts[1] ?? '');
  }
  return m;
}

/** Java String.split(literal): trailing empty strings removed. */
export function javaSplit(s: string, sep: string): string[] {
  const parts = s.split(sep);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.length === 0 ? [''] : parts;
}

export const REPLACE_FIELD_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'exclude',
    type: 'LIST',
    defaultValue: [],
    validator: ValidList.anyNonDuplicateValues(true, false),
    importance: 'MEDIUM',
    documentation: 'Fields to exclude. This takes precedence over the fields to include.',
  })
  .define({
    name: 'include',
    type: 'LIST',
    defaultValue: [],
    validator: ValidList.anyNonDuplicateValues(true, false),
    importance: 'MEDIUM',
    documentation: 'Fields to include. If specified, only these fields will be used.',
  })
  .define({
    name: 'renames',
    type: 'LIST',
    defaultValue: [],
    validator: LambdaValidator.with(
      (_name, value) => {
        parseRenameMappings(value as string[]);
      },
      () => 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>',
    ),
    importance: 'MEDIUM',
    documentation: 'Field rename mappings.',
  })
  .define({
    name: 'replace.null.with.default',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

const PURPOSE = 'field replacement';

/** org.apache.kafka.connect.transforms.ReplaceField$Key / $Value (Connect 4.x: no blacklist/whitelist aliases). */
export class ReplaceField<R extends ConnectRecord<R>> implements Transformation<R> {
  #exclude = new Set<string>();
  #include = new Set<string>();
  #renames = new Map<string, string>();
  #reverse = new Map<string, string>();
  #replaceNullWithDefault = true;
  #cache = new SchemaCache();

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.ReplaceField$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(REPLACE_FIELD_CONFIG_DEF, props);
    this.#exclude = new Set(config.getList('exclude'));
    this.#include = new Set(config.getList('include'));
    this.#renames = parseRenameMappings(config.getList('renames'));
    this.#reverse = new Map([...this.#renames].map(([k, v]) => [v, k]));
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
    this.#cache = new SchemaCache();
  }

  #filter(name: string): boolean {
    return !this.#exclude.has(name) && (this.#include.size === 0 || this.#include.has(name));
  }

  #renamed(name: string): string {
    return this.#renames.get(name) ?? name;
  }

  apply(record: R): R {
    const value = this.side.value(record);
    if (value === null || value === undefined) return record;
    if (this.side.schema(record) === null) {
      const map = requireMap(value, PURPOSE);
      const updated = new Map<string, unknown>();
      for (const [k, v] of map) if (this.#filter(k)) updated.set(this.#renamed(k), v);
      return this.side.newRecord(record, null, updated);
    }
    const struct = requireStruct(value, PURPOSE);
    let schema = this.#cache.get(struct.schema);
    if (schema === undefined) {
      schema = this.#makeUpdatedSchema(struct.schema);
      this.#cache.put(struct.schema, schema);
    }
    const updated = new Struct(schema);
    for (const field of schema.fields) {
      const orig = this.#reverse.get(field.name) ?? field.name;
      updated.put(
        field.name,
        this.#replaceNullWithDefault ? struct.get(orig) : struct.getWithoutDefault(orig),
      );
    }
    return this.side.newRecord(record, schema, updated);
  }

  #makeUpdatedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields)
      if (this.#filter(field.name)) builder.field(this.#renamed(field.name), field.schema);
    return builder.build();
  }

  config(): ConfigDef {
    return REPLACE_FIELD_CONFIG_DEF;
  }

  close(): void {
    this.#cache = new SchemaCache();
  }
}

export const replaceFieldKey = <R extends ConnectRecord<R>>(): ReplaceField<R> => new ReplaceField<R>(KEY);
export const replaceFieldValue = <R extends ConnectRecord<R>>(): ReplaceField<R> =>
  new ReplaceField<R>(VALUE);
