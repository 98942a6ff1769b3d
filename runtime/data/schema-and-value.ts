import type { Schema } from './schema';

/** org.apache.kafka.connect.data.SchemaAndValue: what converters return. */
export class SchemaAndValue {
  static readonly NULL = new SchemaAndValue(null, null);

  constructor(
    readonly schema: Schema | null,
    readonly value: unknown,
  ) {}
}
