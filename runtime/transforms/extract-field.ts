import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { REPLACE_NULL_WITH_DEFAULT_DOC } from './insert-field';
import {
  SingleFieldPath,
  appendFieldSyntaxVersionConfig,
  fieldSyntaxVersionFromConfig,
} from './field/single-field-path';
import { IllegalArgumentError } from './util/java-errors';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { requireMapOrNull, requireStructOrNull } from './util/requirements';
import { SimpleConfig } from './util/simple-config';

export const EXTRACT_FIELD_CONFIG_DEF = appendFieldSyntaxVersionConfig(
  new ConfigDef()
    .define({ name: 'field', type: 'STRING', importance: 'MEDIUM', documentation: 'Field name to extract.' })
    .define({
      name: 'replace.null.with.default',
      type: 'BOOLEAN',
      defaultValue: true,
      importance: 'MEDIUM',
      documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
    }),
);

const PURPOSE = 'field extraction';

/** org.apache.kafka.connect.transforms.ExtractField$Key / $Value. */
export class ExtractField<R extends ConnectRecord<R>> implements Transformation<R> {
  #path = new SingleFieldPath('', 'V1');
  #original = '';
  #replaceNullWithDefault = true;

  constructor(private readonly side: RecordSide) {}

  get className(): string {
    return `${TRANSFORMS_PACKAGE}.ExtractField$${this.side.name}`;
  }

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(EXTRACT_FIELD_CONFIG_DEF, props);
    this.#original = config.getString('field') ?? '';
    this.#path = new SingleFieldPath(this.#original, fieldSyntaxVersionFromConfig(config));
    this.#replaceNullWithDefault = config.getBoolean('replace.null.with.default');
  }

  apply(record: R): R {
    const schema = this.side.schema(record);
    if (schema === null) {
      const value = requireMapOrNull(this.side.value(record), PURPOSE);
      return this.side.newRecord(record, null, value === null ? null : this.#path.valueFromMap(value));
    }
    const value = requireStructOrNull(this.side.value(record), PURPOSE);
    const field = this.#path.fieldFrom(schema);
    if (field === null) throw new IllegalArgumentError(`Unknown field: ${this.#original}`);
    return this.side.newRecord(
      record,
      field.schema,
      value === null ? null : this.#path.valueFromStruct(value, this.#replaceNullWithDefault),
    );
  }

  config(): ConfigDef {
    return EXTRACT_FIELD_CONFIG_DEF;
  }

  close(): void {}
}

export const extractFieldKey = <R extends ConnectRecord<R>>(): ExtractField<R> => new ExtractField<R>(KEY);
export const extractFieldValue = <R extends ConnectRecord<R>>(): ExtractField<R> =>
  new ExtractField<R>(VALUE);
