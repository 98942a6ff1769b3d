import type { Schema } from './schema';

/** org.apache.kafka.connect.data.Field: a named, indexed member of a struct schema. */
export class Field {
  constructor(
    readonly name: string,
    readonly index: number,
    readonly schema: Schema,
  ) {}

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof Field)) return false;
    return this.index === other.index && this.name === other.name && this.schema.equals(other.schema);
  }

  toString(): string {
    return `Field{name=${this.name}, index=${this.index}, schema=${this.schema.toString()}}`;
  }
}
