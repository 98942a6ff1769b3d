/** The Kafka Connect data model (org.apache.kafka.connect.data + errors), one import for plugins. */
export { ALL_SCHEMA_TYPES, Schema, Type, isPrimitiveType, typeName } from './schema';
export type { SchemaType } from './schema';
export { ConnectSchema, schemaEquals } from './connect-schema';
export { SchemaBuilder } from './schema-builder';
export { Field } from './field';
export { Struct } from './struct';
export { SchemaAndValue } from './schema-and-value';
export { BigDecimal, bigintToTwosComplement, twosComplementToBigint } from './big-decimal';
export { ConnectDate, Date, Decimal, Time, Timestamp } from './logical-types';
export {
  AlreadyExistsException,
  ConnectException,
  DataException,
  IllegalWorkerStateException,
  NotFoundException,
  RetriableException,
  SchemaBuilderException,
  SchemaProjectorException,
  javaClassNameOf,
} from './errors';
export { deepEquals } from './equality';
export { formatValue } from './format-value';
export { javaClassOf } from './java-class';
export { formatJavaDouble, formatJavaFloat } from './java-number-format';
export {
  JavaDouble,
  JavaFloat,
  JsonNumber,
  JsonParseError,
  parseJson,
  quoteJson,
  stringifyJson,
} from './json';
export type { JsonValue, ParseJsonOptions } from './json';
