/**
 * io.confluent.connect.jdbc.sink.JdbcSinkConfig (kafka-connect-jdbc 10.9): keys, types, defaults,
 * docs, groups and validators, generated from the real ConfigDef and completed by hand.
 */
import { ConfigDef } from '../../config/config-def';
import type { ConfigKeyDefinition } from '../../config/config-def';
import { ConfigException } from '../../config/config-exception';
import { NonEmptyString, Range, ValidString } from '../../config/validators';
import type { Validator } from '../../config/validators';
import { connectionRetryKeys } from './connection-retry-keys';
import { timeZoneValidator } from './time-zone-validator';

/** util.EnumValidator: accepts each value in lower or upper case. */
function enumValidator(values: string[]): Validator {
  const valid = new Set(values.flatMap((v) => [v.toLowerCase(), v.toUpperCase()]));
  return {
    ensureValid(key, value) {
      if (typeof value === 'string' && !valid.has(value))
        throw new ConfigException(key, value, `Invalid enumerator`);
    },
    toString: () => `[${values.join(', ')}]`,
  };
}

const KEYS: ConfigKeyDefinition[] = [
  {
    name: 'connection.url',
    type: 'STRING',
    importance: 'HIGH',
    documentation:
      'JDBC connection URL.\nFor example: ``jdbc:oracle:thin:@localhost:1521:orclpdb1``, ``jdbc:mysql://localhost/db_name``, ``jdbc:sqlserver://localhost;instance=SQLEXPRESS;databaseName=db_name``',
    group: 'Connection',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'JDBC URL',
  },
  {
    name: 'connection.user',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'JDBC connection user.',
    group: 'Connection',
    orderInGroup: 2,
    width: 'MEDIUM',
    displayName: 'JDBC User',
  },
  {
    name: 'connection.password',
    type: 'PASSWORD',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'JDBC connection password.',
    group: 'Connection',
    orderInGroup: 3,
    width: 'MEDIUM',
    displayName: 'JDBC Password',
  },
  {
    name: 'jdbc.credentials.provider.class',
    type: 'CLASS',
    defaultValue: 'io.confluent.connect.jdbc.util.DefaultJdbcCredentialsProvider',
    importance: 'LOW',
    documentation:
      'Credentials provider or provider chain to use for authentication to database. By default the connector uses ``io.confluent.connect.jdbc.util.DefaultJdbcCredentialsProvider``.',
    group: 'Connection',
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'JDBC Credentials Provider Class',
  },
  {
    name: 'dialect.name',
    type: 'STRING',
    defaultValue: '',
    importance: 'LOW',
    documentation:
      'The name of the database dialect that should be used for this connector. By default this is empty, and the connector automatically determines the dialect based upon the JDBC connection URL. Use this if you want to override that behavior and use a specific dialect. All properly-packaged dialects in the JDBC connector plugin can be used.',
    group: 'Connection',
    orderInGroup: 5,
    width: 'LONG',
    displayName: 'Database Dialect',
    recommender: null,
  },
  ...connectionRetryKeys('Connection', 6),
  {
    name: 'insert.mode',
    type: 'STRING',
    defaultValue: 'insert',
    validator: enumValidator(['insert', 'upsert', 'update']),
    importance: 'HIGH',
    documentation:
      'The insertion mode to use. Supported modes are:\n``insert``\n    Use standard SQL ``INSERT`` statements.\n``upsert``\n    Use the appropriate upsert semantics for the target database if it is supported by the connector, e.g. ``INSERT OR IGNORE``.\n``update``\n    Use the appropriate update semantics for the target database if it is supported by the connector, e.g. ``UPDATE``.',
    group: 'Writes',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Insert Mode',
  },
  {
    name: 'batch.size',
    type: 'INT',
    defaultValue: 3000,
    validator: Range.atLeast(0),
    importance: 'MEDIUM',
    documentation:
      'Specifies how many records to attempt to batch together for insertion into the destination table, when possible.',
    group: 'Writes',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Batch Size',
  },
  {
    name: 'delete.enabled',
    type: 'BOOLEAN',
    defaultValue: 'false',
    importance: 'MEDIUM',
    documentation:
      'Whether to treat ``null`` record values as deletes. Requires ``pk.mode`` to be ``record_key``.',
    group: 'Writes',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Enable deletes',
    recommender: null,
  },
  {
    name: 'table.types',
    type: 'LIST',
    defaultValue: 'TABLE',
    importance: 'LOW',
    documentation:
      "The comma-separated types of database tables to which the sink connector can write. By default this is ``TABLE``, but any combination of ``TABLE``, ``PARTITIONED_TABLE`` and ``VIEW`` is allowed. Not all databases support writing to views, and when they do the the sink connector will fail if the view definition does not match the records' schemas (regardless of ``auto.evolve``).",
    group: 'Writes',
    orderInGroup: 4,
    width: 'MEDIUM',
    displayName: 'Table Types',
  },
  {
    name: 'replace.null.with.default',
    type: 'BOOLEAN',
    defaultValue: 'true',
    importance: 'LOW',
    documentation: 'Whether to replace ``null`` value with default value',
    group: 'Writes',
    orderInGroup: 5,
    width: 'MEDIUM',
    displayName: 'Replace null value with default value',
  },
  {
    name: 'table.name.format',
    type: 'STRING',
    defaultValue: '${topic}',
    validator: new NonEmptyString(),
    importance: 'MEDIUM',
    documentation:
      "A format string for the destination table name, which may contain '${topic}' as a placeholder for the originating topic name.\nFor example, ``kafka_${topic}`` for the topic 'orders' will map to the table name 'kafka_orders'.",
    group: 'Data Mapping',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'Table Name Format',
  },
  {
    name: 'pk.mode',
    type: 'STRING',
    defaultValue: 'none',
    validator: enumValidator(['none', 'kafka', 'record_key', 'record_value']),
    importance: 'HIGH',
    documentation:
      'The primary key mode, also refer to ``pk.fields`` documentation for interplay. Supported modes are:\n``none``\n    No keys utilized.\n``kafka``\n    Kafka coordinates are used as the PK.\n``record_key``\n    Field(s) from the record key are used, which may be a primitive or a struct.\n``record_value``\n    Field(s) from the record value are used, which must be a struct.',
    group: 'Data Mapping',
    orderInGroup: 2,
    width: 'MEDIUM',
    displayName: 'Primary Key Mode',
    recommender: null,
  },
  {
    name: 'pk.fields',
    type: 'LIST',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'List of comma-separated primary key field names. The runtime interpretation of this config depends on the ``pk.mode``:\n``none``\n    Ignored as no fields are used as primary key in this mode.\n``kafka``\n    Must be a trio representing the Kafka coordinates, defaults to ``__connect_topic,__connect_partition,__connect_offset`` if empty.\n``record_key``\n    If empty, all fields from the key struct will be used, otherwise used to extract the desired fields - for primitive key only a single field name must be configured.\n``record_value``\n    If empty, all fields from the value struct will be used, otherwise used to extract the desired fields.',
    group: 'Data Mapping',
    orderInGroup: 3,
    width: 'LONG',
    displayName: 'Primary Key Fields',
  },
  {
    name: 'fields.whitelist',
    type: 'LIST',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'List of comma-separated record value field names. If empty, all fields from the record value are utilized, otherwise used to filter to the desired fields.\nNote that ``pk.fields`` is applied independently in the context of which field(s) form the primary key columns in the destination database, while this configuration is applicable for the other columns.',
    group: 'Data Mapping',
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'Fields Whitelist',
  },
  {
    name: 'db.timezone',
    type: 'STRING',
    defaultValue: 'UTC',
    validator: timeZoneValidator,
    importance: 'MEDIUM',
    documentation:
      'Name of the JDBC timezone that should be used in the connector when inserting time-based values. Defaults to UTC.',
    group: 'Data Mapping',
    orderInGroup: 5,
    width: 'MEDIUM',
    displayName: 'DB Time Zone',
  },
  {
    name: 'date.timezone',
    type: 'STRING',
    defaultValue: 'DB_TIMEZONE',
    validator: enumValidator(['DB_TIMEZONE', 'UTC']),
    importance: 'LOW',
    documentation:
      'Name of the JDBC timezone that should be used in the connector when inserting DATE type values. Defaults to DB_TIMEZONE that uses the timezone set for db.timzeone configuration (to maintain backward compatibility). It is recommended to set this to UTC to avoid conversion for DATE type values.',
    group: 'Data Mapping',
    orderInGroup: 6,
    width: 'MEDIUM',
    displayName: 'Time Zone used for Date',
    recommender: null,
  },
  {
    name: 'timestamp.fields.list',
    type: 'LIST',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'List of comma-separated record value timestamp field names that should be converted to timestamps. These fields will be converted based on precision mode specified in timestamp.precision.mode(microseconds or nanoseconds). The timestamp fields included here should be Long or String type and nested fields are not supported.',
    group: 'Data Mapping',
    orderInGroup: 7,
    width: 'MEDIUM',
    displayName: 'Timestamp Fields Whitelist',
  },
  {
    name: 'timestamp.precision.mode',
    type: 'STRING',
    defaultValue: 'MICROSECONDS',
    validator: enumValidator(['MICROSECONDS', 'NANOSECONDS']),
    importance: 'LOW',
    documentation:
      'Convert the Timestamp with precision. If set to microseconds, the timestamp will be converted to microsecond precision. If set to nanoseconds the timestamp will be converted to nanoseconds precision.',
    group: 'Data Mapping',
    orderInGroup: 8,
    width: 'MEDIUM',
    displayName: 'Sink Timestamp Precision mode',
    recommender: null,
  },
  {
    name: 'date.calendar.system',
    type: 'STRING',
    defaultValue: 'LEGACY',
    validator: ValidString.in('LEGACY', 'PROLEPTIC_GREGORIAN'),
    importance: 'LOW',
    documentation:
      "Conversion of time since epoch value in kafka topic record to DATE or TIMESTAMP depends on the calendar used to interpret it. If LEGACY is used, it will use the hybrid Gregorian/Julian calendar which was the default in the older java date time APIs. However, if 'PROLEPTIC_GREGORIAN' is used, then it will use the proleptic gregorian calendar which extends the Gregorian rules backward indefinitely and does not apply the 1582 cutover. This matches the behavior of modern Java date/time APIs (java.time). This is defaulted to LEGACY for backward compatibility. The ideal setting for this depends on whether the values in source topic were populated using old or new java date time APIs. Changing this configuration on an existing connector might lead to a drift in the DATE/TIMESTAMP column's values populated in the sink database.",
    group: 'Data Mapping',
    orderInGroup: 9,
    width: 'MEDIUM',
    displayName: 'Date Calendar System',
  },
  {
    name: 'string.output.value.column.name',
    type: 'STRING',
    defaultValue: 'record_value',
    validator: new NonEmptyString(),
    importance: 'LOW',
    documentation:
      "When the Kafka record value uses the String schema (e.g. records produced with StringConverter), the connector writes the value into a single column with this name. If the destination table is being auto-created, the column is created with this name. If the table already exists and the column is missing, the column is added via ALTER when 'auto.evolve' is true; otherwise the connector fails with the standard auto-evolution-disabled error. Defaults to 'record_value'.",
    group: 'Data Mapping',
    orderInGroup: 10,
    width: 'MEDIUM',
    displayName: 'String Value Column Name',
  },
  {
    name: 'auto.create',
    type: 'BOOLEAN',
    defaultValue: 'false',
    importance: 'MEDIUM',
    documentation:
      'Whether to automatically create the destination table based on record schema if it is found to be missing by issuing ``CREATE``.',
    group: 'DDL Support',
    orderInGroup: 1,
    width: 'SHORT',
    displayName: 'Auto-Create',
  },
  {
    name: 'auto.evolve',
    type: 'BOOLEAN',
    defaultValue: 'false',
    importance: 'MEDIUM',
    documentation:
      'Whether to automatically add columns in the table schema when found to be missing relative to the record schema by issuing ``ALTER``.',
    group: 'DDL Support',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Auto-Evolve',
  },
  {
    name: 'quote.sql.identifiers',
    type: 'STRING',
    defaultValue: 'ALWAYS',
    importance: 'MEDIUM',
    documentation:
      'When to quote table names, column names, and other identifiers in SQL statements. For backward compatibility, the default is ``always``.',
    group: 'DDL Support',
    orderInGroup: 3,
    width: 'MEDIUM',
    displayName: 'Quote Identifiers',
    recommender: null,
  },
  {
    name: 'mssql.use.merge.holdlock',
    type: 'BOOLEAN',
    defaultValue: 'true',
    importance: 'LOW',
    documentation:
      'Whether to use HOLDLOCK when performing a MERGE INTO upsert statement. Note that it is only applicable to SQL Server.',
    group: 'DML Support',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'SQL Server - Use HOLDLOCK in MERGE',
  },
  {
    name: 'max.retries',
    type: 'INT',
    defaultValue: 10,
    validator: Range.atLeast(0),
    importance: 'MEDIUM',
    documentation: 'The maximum number of times to retry on errors before failing the task.',
    group: 'Retries',
    orderInGroup: 1,
    width: 'SHORT',
    displayName: 'Maximum Retries',
  },
  {
    name: 'retry.backoff.ms',
    type: 'INT',
    defaultValue: 3000,
    validator: Range.atLeast(0),
    importance: 'MEDIUM',
    documentation: 'The time in milliseconds to wait following an error before a retry attempt is made.',
    group: 'Retries',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Retry Backoff (millis)',
  },
  // internal: trim.sensitive.log BOOLEAN default=TRIM_SENSITIVE_LOG_ENABLED_DEFAULT
];

export function jdbcSinkConfigDef(): ConfigDef {
  const def = new ConfigDef();
  for (const k of KEYS) def.define(k);
  return def;
}
