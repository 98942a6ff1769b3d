import { schemaEquals } from './connect-schema';
import { deepEquals } from './equality';
import { formatValue } from './format-value';
import type { Schema } from './schema';

/** org.apache.kafka.connect.data.SchemaAndValue: what converters return. */
export class SchemaAndValue {
  static readonly NULL = new SchemaAndValue(null, null);

  constructor(
    readonly schema: Schema | null,
    readonly value: unknown,
  ) {}

  equals(other: unknown): boolean {
    if (this === other) return true;
    return (
      other instanceof SchemaAndValue &&
      schemaEquals(this.schema, other.schema) &&
      deepEquals(this.value, other.value)
    );
  }

  toString(): string {
    return `SchemaAndValue{schema=${this.schema?.toString() ?? 'null'}, value=${formatValue(this.value, this.schema)}}`;
  }
}
