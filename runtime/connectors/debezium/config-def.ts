/**
 * io.debezium.connector.postgresql.PostgresConnectorConfig (Debezium 3.6), the keys this runtime
 * honours plus the common ones learners set: names, types, defaults, importance, groups (Debezium's
 * Field.Group names, in its group order), display names and docs taken from the Debezium sources.
 */
import { ConfigDef } from '../../config/config-def';
import type { ConfigKeyDefinition } from '../../config/config-def';
import { ConfigException } from '../../config/config-exception';
import type { Validator } from '../../config/validators';

/** Field.validate's message shape: "The 'x' value is invalid: <problem>". */
function invalid(name: string, problem: string): ConfigException {
  const e = new ConfigException(`The '${name}' value is invalid: ${problem}`);
  return e;
}

/**
 * Field.withAllowedValues / withEnum: case-insensitive; the allowed values in the order the real
 * connector lists them (its recommended_values and its "Value must be one of" message, from Java's
 * HashSet iteration), as observed on Debezium 3.6.1.Final.
 */
function oneOf(...values: string[]): Validator & { values: readonly string[] } {
  return {
    values,
    ensureValid(name, value) {
      if (value === null || value === undefined) return;
      if (!values.includes((value as string).toLowerCase()))
        throw invalid(name, `Value must be one of ${values.join(', ')}`);
    },
    toString: () => values.join(', '),
  };
}

/**
 * CommonConnectorConfig.validateTopicName: any non-null value, the empty string included, must match
 * [a-zA-Z0-9._-]+ (a missing value is the required check's, in the connector's validate()).
 */
const topicPrefixValidator: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined) return;
    if (!/^[a-zA-Z0-9_.-]+$/.test(value as string)) {
      throw invalid(
        name,
        `${value as string} has invalid format (only the underscore, hyphen, dot and alphanumeric characters are allowed)`,
      );
    }
  },
  toString: () => '',
};

const slotNameValidator: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined) return;
    if (!/^[a-z0-9_]{1,63}$/.test(value as string)) {
      throw invalid(
        name,
        'Valid replication slot name must contain only digits, lowercase characters and underscores with length <= 63',
      );
    }
  },
  toString: () => '',
};

/** Field.isRequired keys of PostgresConnectorConfig: null or blank → "A value is required". */
export const REQUIRED_KEYS = ['topic.prefix', 'database.hostname', 'database.user', 'database.dbname'];

/** In the real ConfigDef, but Debezium 3.6.1's validate() returns no value for it (see validate()). */
export const UNVALIDATED_KEY = 'internal.legacy.snapshot.max.threads';

const ENUMS: Record<string, ReturnType<typeof oneOf>> = {
  'database.sslmode': oneOf('allow', 'prefer', 'disable', 'verify-ca', 'require', 'verify-full'),
  'plugin.name': oneOf('decoderbufs', 'pgoutput'),
  'publication.autocreate.mode': oneOf('no_tables', 'filtered', 'disabled', 'all_tables'),
  'snapshot.mode': oneOf(
    'always',
    'initial_only',
    'configuration_based',
    'when_needed',
    'initial',
    'custom',
    'no_data',
  ),
  'snapshot.isolation.mode': oneOf('read_uncommitted', 'repeatable_read', 'read_committed', 'serializable'),
  'snapshot.locking.mode': oneOf('shared', 'custom', 'none'),
  'decimal.handling.mode': oneOf('string', 'double', 'precise'),
  'time.precision.mode': oneOf(
    'adaptive',
    'adaptive_time_microseconds',
    'isostring',
    'microseconds',
    'nanoseconds',
    'connect',
  ),
  'binary.handling.mode': oneOf('bytes', 'base64', 'hex', 'base64-url-safe'),
  'hstore.handling.mode': oneOf('json', 'map'),
  'interval.handling.mode': oneOf('string', 'numeric'),
  'schema.refresh.mode': oneOf('columns_diff', 'columns_diff_exclude_unchanged_toast'),
  'event.processing.failure.handling.mode': oneOf('warn', 'fail', 'ignore', 'skip'),
  'schema.name.adjustment.mode': oneOf('none', 'avro_unicode', 'avro'),
};

/** The allowed values of an enumerated key, in the real connector's order (its recommended_values). */
export function allowedValues(key: string): readonly string[] {
  return ENUMS[key]?.values ?? [];
}

const VALIDATORS: Record<string, Validator> = {
  ...ENUMS,
  'slot.name': slotNameValidator,
  'topic.prefix': topicPrefixValidator,
};

const KEYS: ConfigKeyDefinition[] = [
  {
    name: 'database.hostname',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'Resolvable hostname or IP address of the database server.',
    group: 'CONNECTION',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Hostname',
  },
  {
    name: 'database.port',
    type: 'INT',
    defaultValue: 5432,
    importance: 'HIGH',
    documentation: 'Port of the database server.',
    group: 'CONNECTION',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Port',
  },
  {
    name: 'database.user',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'Name of the database user to be used when connecting to the database.',
    group: 'CONNECTION',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'User',
  },
  {
    name: 'database.password',
    type: 'PASSWORD',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'Password of the database user to be used when connecting to the database.',
    group: 'CONNECTION',
    orderInGroup: 4,
    width: 'SHORT',
    displayName: 'Password',
  },
  {
    name: 'database.dbname',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'The name of the database from which the connector should capture changes',
    group: 'CONNECTION',
    orderInGroup: 5,
    width: 'MEDIUM',
    displayName: 'Database',
  },
  {
    name: 'database.query.timeout.ms',
    type: 'INT',
    defaultValue: 600000,
    importance: 'LOW',
    documentation:
      'Time to wait for a query to execute, given in milliseconds. Defaults to 600 seconds (600,000 ms); zero means there is no limit.',
    group: 'CONNECTION',
    orderInGroup: 6,
    width: 'MEDIUM',
    displayName: 'Query timeout',
  },
  {
    name: 'database.sslmode',
    type: 'STRING',
    defaultValue: 'prefer',
    importance: 'MEDIUM',
    documentation:
      "Whether to use an encrypted connection to Postgres. Options include: 'disable' (the default) to use an unencrypted connection; 'allow' to try and use an unencrypted connection first and, failing that, a secure (encrypted) connection; 'prefer' (the default) to try and use a secure (encrypted) connection first and, failing that, an unencrypted connection; 'require' to use a secure (encrypted) connection, and fail if one cannot be established; 'verify-ca' like 'required' but additionally verify the server TLS certificate against the configured Certificate Authority (CA) certificates, or fail if no valid matching CA certificates are found; or 'verify-full' like 'verify-ca' but additionally verify that the server certificate matches the host to which the connection is attempted.",
    group: 'CONNECTION_ADVANCED_SSL',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'SSL mode',
  },
  {
    name: 'database.initial.statements',
    type: 'STRING',
    defaultValue: null,
    importance: 'LOW',
    documentation:
      "A semicolon separated list of SQL statements to be executed when a JDBC connection to the database is established. Note that the connector may establish JDBC connections at its own discretion, so this should typically be used for configuration of session parameters only, but not for executing DML statements. Use doubled semicolon (';;') to use a semicolon as a character and not as a delimiter.",
    group: 'CONNECTION_ADVANCED',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'Initial statements',
  },
  {
    name: 'database.tcpKeepAlive',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: 'Enable or disable TCP keep-alive probe to avoid dropping TCP connection',
    group: 'CONNECTION_ADVANCED',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'TCP keep-alive probe',
  },
  {
    name: 'plugin.name',
    type: 'STRING',
    defaultValue: 'decoderbufs',
    importance: 'MEDIUM',
    documentation: '',
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Plugin',
  },
  {
    name: 'slot.name',
    type: 'STRING',
    defaultValue: 'debezium',
    importance: 'MEDIUM',
    documentation:
      "The name of the Postgres logical decoding slot created for streaming changes from a plugin. Defaults to 'debezium",
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 2,
    width: 'MEDIUM',
    displayName: 'Slot',
  },
  {
    name: 'publication.name',
    type: 'STRING',
    defaultValue: 'dbz_publication',
    importance: 'MEDIUM',
    documentation: '',
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 3,
    width: 'MEDIUM',
    displayName: 'Publication',
  },
  {
    name: 'publication.autocreate.mode',
    type: 'STRING',
    defaultValue: 'all_tables',
    importance: 'MEDIUM',
    documentation:
      "Applies only when streaming changes using pgoutput.Determine how creation of a publication should work, the default is all_tables.DISABLED - The connector will not attempt to create a publication at all. The expectation is that the user has created the publication up-front. If the publication isn't found to exist upon startup, the connector will throw an exception and stop.ALL_TABLES - If no publication exists, the connector will create a new publication for all tables. Note this requires that the configured user has access. If the publication already exists, it will be used. i.e CREATE PUBLICATION <publication_name> FOR ALL TABLES;FILTERED - If no publication exists, the connector will create a new publication for all those tables matchingthe current filter configuration (see table/database include/exclude list properties). If the publication already exists, it will be used. i.e CREATE PUBLICATION <publication_name> FOR TABLE <tbl1, tbl2, etc>",
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 4,
    width: 'MEDIUM',
    displayName: 'Publication Auto Create Mode',
  },
  {
    name: 'replica.identity.autoset.values',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      "Applies only when streaming changes using pgoutput.Determines the value for Replica Identity at table level. This option will overwrite the existing value in databaseA comma-separated list of regular expressions that match fully-qualified tables and Replica Identity value to be used in the table. Each expression must match the pattern '<fully-qualified table name>:<replica identity>', where the table names could be defined as (SCHEMA_NAME.TABLE_NAME), and the replica identity values are: DEFAULT - Records the old values of the columns of the primary key, if any. This is the default for non-system tables.INDEX index_name - Records the old values of the columns covered by the named index, that must be unique, not partial, not deferrable, and include only columns marked NOT NULL. If this index is dropped, the behavior is the same as NOTHING.FULL - Records the old values of all columns in the row.NOTHING - Records no information about the old row. This is the default for system tables.",
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 5,
    width: 'LONG',
    displayName: 'Replica Identity Auto Set Values',
  },
  {
    name: 'slot.drop.on.stop',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'MEDIUM',
    documentation:
      'Whether or not to drop the logical replication slot when the connector finishes orderly. By default the replication is kept so that on restart progress can resume from the last recorded location',
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 6,
    width: 'MEDIUM',
    displayName: 'Drop slot on stop',
  },
  {
    name: 'slot.stream.params',
    type: 'STRING',
    defaultValue: null,
    importance: 'LOW',
    documentation:
      "Any optional parameters used by logical decoding plugin. Semi-colon separated. E.g. 'add-tables=public.table,public.table2;include-lsn=true'",
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 7,
    width: 'LONG',
    displayName: 'Optional parameters to pass to the logical decoder when the stream is started.',
  },
  {
    name: 'slot.max.retries',
    type: 'INT',
    defaultValue: 6,
    importance: 'LOW',
    documentation: 'How many times to retry connecting to a replication slot when an attempt fails.',
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 8,
    width: 'MEDIUM',
    displayName: 'Retry count',
  },
  {
    name: 'slot.retry.delay.ms',
    type: 'LONG',
    defaultValue: 10000,
    importance: 'LOW',
    documentation:
      'Time to wait between retry attempts when the connector fails to connect to a replication slot, given in milliseconds. Defaults to 10 seconds (10,000 ms).',
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 9,
    width: 'MEDIUM',
    displayName: 'Retry delay',
  },
  {
    name: 'status.update.interval.ms',
    type: 'INT',
    defaultValue: 10000,
    importance: 'MEDIUM',
    documentation:
      'Frequency for sending replication connection status updates to the server, given in milliseconds. Defaults to 10 seconds (10,000 ms).',
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 10,
    width: 'SHORT',
    displayName: 'Status update interval (ms)',
  },
  {
    name: 'xmin.fetch.interval.ms',
    type: 'LONG',
    defaultValue: 0,
    importance: 'MEDIUM',
    documentation:
      "Specify how often (in ms) the xmin will be fetched from the replication slot. This xmin value is exposed by the slot which gives a lower bound of where a new replication slot could start from. The lower the value, the more likely this value is to be the current 'true' value, but the bigger the performance cost. The bigger the value, the less likely this value is to be the current 'true' value, but the lower the performance penalty. The default is set to 0 ms, which disables tracking xmin.",
    group: 'CONNECTION_ADVANCED_REPLICATION',
    orderInGroup: 11,
    width: 'SHORT',
    displayName: 'Xmin fetch interval (ms)',
  },
  {
    name: 'table.include.list',
    type: 'LIST',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'The tables for which changes are to be captured',
    group: 'FILTERS',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'Include Tables',
  },
  {
    name: 'table.exclude.list',
    type: 'LIST',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      'A comma-separated list of regular expressions that match the fully-qualified names of tables to be excluded from monitoring',
    group: 'FILTERS',
    orderInGroup: 2,
    width: 'LONG',
    displayName: 'Exclude Tables',
  },
  {
    name: 'table.ignore.builtin',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation: 'Flag specifying whether built-in tables should be ignored.',
    group: 'FILTERS',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Ignore system databases',
  },
  {
    name: 'column.exclude.list',
    type: 'LIST',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: 'Regular expressions matching columns to exclude from change events',
    group: 'FILTERS',
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'Exclude Columns',
  },
  {
    name: 'column.include.list',
    type: 'LIST',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: 'Regular expressions matching columns to include in change events',
    group: 'FILTERS',
    orderInGroup: 5,
    width: 'LONG',
    displayName: 'Include Columns',
  },
  {
    name: 'schema.include.list',
    type: 'LIST',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'The schemas for which events should be captured',
    group: 'FILTERS',
    orderInGroup: 6,
    width: 'LONG',
    displayName: 'Include Schemas',
  },
  {
    name: 'schema.exclude.list',
    type: 'LIST',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: 'The schemas for which events must not be captured',
    group: 'FILTERS',
    orderInGroup: 7,
    width: 'LONG',
    displayName: 'Exclude Schemas',
  },
  {
    name: 'snapshot.mode',
    type: 'STRING',
    defaultValue: 'initial',
    importance: 'MEDIUM',
    documentation:
      "The criteria for running a snapshot upon startup of the connector. Select one of the following snapshot options: 'always': The connector runs a snapshot every time that it starts. After the snapshot completes, the connector begins to stream changes from the transaction log.; 'initial' (default): If the connector does not detect any offsets for the logical server name, it runs a snapshot that captures the current full state of the configured tables. After the snapshot completes, the connector begins to stream changes from the transaction log. 'initial_only': The connector performs a snapshot as it does for the 'initial' option, but after the connector completes the snapshot, it stops, and does not stream changes from the transaction log.; 'never': The connector does not run a snapshot. Upon first startup, the connector immediately begins reading from the beginning of the transaction log. 'exported': This option is deprecated; use 'initial' instead.; 'custom': The connector loads a custom class  to specify how the connector performs snapshots. For more information, see Custom snapshotter SPI in the PostgreSQL connector documentation.",
    group: 'CONNECTOR_SNAPSHOT',
    orderInGroup: 1,
    width: 'SHORT',
    displayName: 'Snapshot mode',
  },
  {
    name: 'snapshot.isolation.mode',
    type: 'STRING',
    defaultValue: 'serializable',
    importance: 'LOW',
    documentation: '',
    group: 'CONNECTOR_SNAPSHOT',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Snapshot isolation mode',
  },
  {
    name: 'snapshot.locking.mode',
    type: 'STRING',
    defaultValue: 'none',
    importance: 'LOW',
    documentation:
      "Controls how the connector holds locks on tables while performing the schema snapshot. The 'shared' which means the connector will hold a table lock that prevents exclusive table access for just the initial portion of the snapshot while the database schemas and other metadata are being read. The remaining work in a snapshot involves selecting all rows from each table, and this is done using a flashback query that requires no locks. However, in some cases it may be desirable to avoid locks entirely which can be done by specifying 'none'. This mode is only safe to use if no schema changes are happening while the snapshot is taken.",
    group: 'CONNECTOR_SNAPSHOT',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Snapshot locking mode',
  },
  {
    name: 'snapshot.delay.ms',
    type: 'LONG',
    defaultValue: 0,
    importance: 'LOW',
    documentation: 'A delay period before a snapshot will begin, given in milliseconds. Defaults to 0 ms.',
    group: 'CONNECTOR_SNAPSHOT',
    orderInGroup: 4,
    width: 'MEDIUM',
    displayName: 'Snapshot Delay (milliseconds)',
  },
  {
    name: 'snapshot.fetch.size',
    type: 'INT',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      'The maximum number of records that should be loaded into memory while performing a snapshot.',
    group: 'CONNECTOR_SNAPSHOT',
    orderInGroup: 5,
    width: 'MEDIUM',
    displayName: 'Snapshot fetch size',
  },
  {
    name: 'snapshot.include.collection.list',
    type: 'LIST',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      'This setting must be set to specify a list of tables/collections whose snapshot must be taken on creating or restarting the connector.',
    group: 'CONNECTOR_SNAPSHOT',
    orderInGroup: 6,
    width: 'LONG',
    displayName: 'Snapshot mode include data collection',
  },
  {
    name: 'topic.prefix',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation:
      'Topic prefix that identifies and provides a namespace for the particular database server/cluster is capturing changes. The topic prefix should be unique across all other connectors, since it is used as a prefix for all Kafka topic names that receive events emitted by this connector. Only alphanumeric characters, hyphens, dots and underscores must be accepted.',
    group: 'CONNECTOR',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Topic prefix',
  },
  {
    name: 'tombstones.on.delete',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation:
      'Whether delete operations should be represented by a delete event and a subsequent tombstone event (true) or only by a delete event (false). Emitting the tombstone event (the default behavior) allows Kafka to completely delete all events pertaining to the given key once the source record got deleted.',
    group: 'CONNECTOR',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Change the behaviour of Debezium with regards to delete operations',
  },
  {
    name: 'decimal.handling.mode',
    type: 'STRING',
    defaultValue: 'precise',
    importance: 'MEDIUM',
    documentation:
      "Specify how DECIMAL and NUMERIC columns should be represented in change events, including: 'precise' (the default) uses java.math.BigDecimal to represent values, which are encoded in the change events using a binary representation and Kafka Connect's 'org.apache.kafka.connect.data.Decimal' type; 'string' uses string to represent values; 'double' represents values using Java's 'double', which may not offer the precision but will be far easier to use in consumers.",
    group: 'CONNECTOR',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Decimal Handling',
  },
  {
    name: 'time.precision.mode',
    type: 'STRING',
    defaultValue: 'adaptive',
    importance: 'MEDIUM',
    documentation:
      "Time, date, and timestamps can be represented with different kinds of precisions, including: 'adaptive' (the default) bases the precision of time, date, and timestamp values on the database column's precision; 'adaptive_time_microseconds' like 'adaptive' mode, but TIME fields always use microseconds precision; 'connect' always represents time, date, and timestamp values using Kafka Connect's built-in representations for Time, Date, and Timestamp, which uses millisecond precision regardless of the database columns' precision; 'isostring' represents time, date, and timestamp values as ISO-8601 formatted strings at the UTC time zone; 'structured' represents time, date, timestamp, and datetime values as Kafka Connect structs with separate calendar and clock components; 'microseconds' always represents time, date, and timestamp values using microsecond precision; 'nanoseconds' always represents time, date, and timestamp values using nanosecond precision.",
    group: 'CONNECTOR',
    orderInGroup: 4,
    width: 'SHORT',
    displayName: 'Time Precision',
  },
  {
    name: 'binary.handling.mode',
    type: 'STRING',
    defaultValue: 'bytes',
    importance: 'LOW',
    documentation:
      "Specify how binary (blob, binary, etc.) columns should be represented in change events, including: 'bytes' represents binary data as byte array (default); 'base64' represents binary data as base64-encoded string; 'base64-url-safe' represents binary data as base64-url-safe-encoded string; 'hex' represents binary data as hex-encoded (base16) string",
    group: 'CONNECTOR',
    orderInGroup: 5,
    width: 'MEDIUM',
    displayName: 'Binary Handling',
  },
  {
    name: 'hstore.handling.mode',
    type: 'STRING',
    defaultValue: 'json',
    importance: 'LOW',
    documentation:
      "Specify how HSTORE columns should be represented in change events, including: 'json' represents values as string-ified JSON (default); 'map' represents values as a key/value map",
    group: 'CONNECTOR',
    orderInGroup: 6,
    width: 'MEDIUM',
    displayName: 'HStore Handling',
  },
  {
    name: 'interval.handling.mode',
    type: 'STRING',
    defaultValue: 'numeric',
    importance: 'LOW',
    documentation:
      "Specify how INTERVAL columns should be represented in change events, including: 'string' represents values as an exact ISO formatted string; 'numeric' (default) represents values using the inexact conversion into microseconds",
    group: 'CONNECTOR',
    orderInGroup: 7,
    width: 'MEDIUM',
    displayName: 'Interval Handling',
  },
  {
    name: 'schema.name.adjustment.mode',
    type: 'STRING',
    defaultValue: 'none',
    importance: 'LOW',
    documentation:
      "Specify how schema names should be adjusted for compatibility with the message converter used by the connector, including: 'avro' replaces the characters that cannot be used in the Avro type name with underscore; 'avro_unicode' replaces the underscore or characters that cannot be used in the Avro type name with corresponding unicode like _uxxxx. Note: _ is an escape sequence like backslash in Java;'none' does not apply any adjustment (default)",
    group: 'CONNECTOR',
    orderInGroup: 8,
    width: 'MEDIUM',
    displayName: 'Schema Name Adjustment',
  },
  {
    name: 'publish.via.partition.root',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'MEDIUM',
    documentation:
      'A boolean that determines whether the connector should publish changes via the partition root. When true, changes are published through partition root. When false, changes are published directly.',
    group: 'CONNECTOR',
    orderInGroup: 9,
    width: 'SHORT',
    displayName: 'Publish via partition root',
  },
  {
    name: 'unavailable.value.placeholder',
    type: 'STRING',
    defaultValue: '__debezium_unavailable_value',
    importance: 'MEDIUM',
    documentation:
      'Specify the constant that will be provided by Debezium to indicate that the original value is unavailable and not provided by the database.',
    group: 'CONNECTOR',
    orderInGroup: 10,
    width: 'MEDIUM',
    displayName: 'Unavailable value placeholder',
  },
  {
    name: 'skipped.operations',
    type: 'LIST',
    defaultValue: 't',
    importance: 'LOW',
    documentation:
      "The comma-separated list of operations to skip during streaming, defined as: 'c' for inserts/create; 'u' for updates; 'd' for deletes, 't' for truncates, and 'none' to indicate nothing skipped. By default, only truncate operations will be skipped.",
    group: 'CONNECTOR',
    orderInGroup: 11,
    width: 'SHORT',
    displayName: 'Skipped Operations',
  },
  {
    name: 'provide.transaction.metadata',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation: 'Enables transaction metadata extraction together with event counting',
    group: 'CONNECTOR',
    orderInGroup: 12,
    width: 'SHORT',
    displayName: 'Store transaction metadata information in a dedicated topic.',
  },
  {
    name: 'max.batch.size',
    type: 'INT',
    defaultValue: 2048,
    importance: 'MEDIUM',
    documentation: '',
    group: 'CONNECTOR',
    orderInGroup: 13,
    width: 'SHORT',
    displayName: 'Change event batch size',
  },
  {
    name: 'max.queue.size',
    type: 'INT',
    defaultValue: 8192,
    importance: 'MEDIUM',
    documentation: '',
    group: 'CONNECTOR',
    orderInGroup: 14,
    width: 'SHORT',
    displayName: 'Change event buffer size',
  },
  {
    name: 'poll.interval.ms',
    type: 'LONG',
    defaultValue: 500,
    importance: 'MEDIUM',
    documentation: '',
    group: 'CONNECTOR',
    orderInGroup: 15,
    width: 'SHORT',
    displayName: 'Poll interval (ms)',
  },
  {
    name: 'money.fraction.digits',
    type: 'SHORT',
    defaultValue: 2,
    importance: 'LOW',
    documentation: "Number of fractional digits when money type is converted to 'precise' decimal number.",
    group: 'CONNECTOR',
    orderInGroup: 16,
    width: 'MEDIUM',
    displayName: 'Money fraction digits',
  },
  {
    name: 'heartbeat.interval.ms',
    type: 'INT',
    defaultValue: 0,
    importance: 'MEDIUM',
    documentation: '',
    group: 'ADVANCED_HEARTBEAT',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'heartbeat.interval.ms',
  },
  {
    name: 'topic.heartbeat.prefix',
    type: 'STRING',
    defaultValue: '__debezium-heartbeat',
    importance: 'MEDIUM',
    documentation: '',
    group: 'ADVANCED_HEARTBEAT',
    orderInGroup: 2,
    width: 'MEDIUM',
    displayName: 'topic.heartbeat.prefix',
  },
  {
    name: 'heartbeat.action.query',
    type: 'STRING',
    defaultValue: null,
    importance: 'LOW',
    documentation: 'The query executed with every heartbeat.',
    group: 'ADVANCED_HEARTBEAT',
    orderInGroup: 3,
    width: 'MEDIUM',
    displayName: 'An optional query to execute with every heartbeat',
  },
  {
    name: 'message.key.columns',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      "A semicolon-separated list of expressions that match fully-qualified tables and column(s) to be used as message key. Each expression must match the pattern '<fully-qualified table name>:<key columns>', where the table names could be defined as (DB_NAME.TABLE_NAME) or (SCHEMA_NAME.TABLE_NAME), depending on the specific connector, and the key columns are a comma-separated list of columns representing the custom key. For any table without an explicit key configuration the table's primary key column(s) will be used as message key. Example: dbserver1.inventory.orderlines:orderId,orderLineId;dbserver1.inventory.orders:id",
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'Columns PK mapping',
  },
  {
    name: 'schema.refresh.mode',
    type: 'STRING',
    defaultValue: 'columns_diff',
    importance: 'MEDIUM',
    documentation:
      "Specify the conditions that trigger a refresh of the in-memory schema for a table. 'columns_diff' (the default) is the safest mode, ensuring the in-memory schema stays in-sync with the database table's schema at all times. 'columns_diff_exclude_unchanged_toast' instructs the connector to refresh the in-memory schema cache if there is a discrepancy between it and the schema derived from the incoming message, unless unchanged TOASTable data fully accounts for the discrepancy. This setting can improve connector performance significantly if there are frequently-updated tables that have TOASTed data that are rarely part of these updates. However, it is possible for the in-memory schema to become outdated if TOASTable columns are dropped from the table.",
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Schema refresh mode',
  },
  {
    name: 'include.unknown.datatypes',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'MEDIUM',
    documentation:
      "Specify whether the fields of data type not supported by Debezium should be processed: 'false' (the default) omits the fields; 'true' converts the field into an implementation dependent binary representation.",
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Include unknown datatypes',
  },
  {
    name: 'event.processing.failure.handling.mode',
    type: 'STRING',
    defaultValue: 'fail',
    importance: 'MEDIUM',
    documentation:
      "Specify how failures during processing of events (i.e. when encountering a corrupted event) should be handled, including: 'fail' (the default) an exception indicating the problematic event and its position is raised, causing the connector to be stopped; 'warn' the problematic event and its position will be logged and the event will be skipped; 'ignore' the problematic event will be skipped.",
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 4,
    width: 'SHORT',
    displayName: 'Event deserialization failure handling',
  },
  {
    name: 'topic.delimiter',
    type: 'STRING',
    defaultValue: '.',
    importance: 'MEDIUM',
    documentation: '',
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 5,
    width: 'MEDIUM',
    displayName: 'topic.delimiter',
  },
  {
    name: 'topic.naming.strategy',
    type: 'CLASS',
    defaultValue: 'io.debezium.schema.SchemaTopicNamingStrategy',
    importance: 'MEDIUM',
    documentation:
      'The name of the TopicNamingStrategy class that should be used to determine the topic name for data change, schema change, transaction, heartbeat event etc.',
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 6,
    width: 'MEDIUM',
    displayName: 'Topic naming strategy class',
  },
  {
    name: 'topic.transaction',
    type: 'STRING',
    defaultValue: 'transaction',
    importance: 'MEDIUM',
    documentation: '',
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 7,
    width: 'MEDIUM',
    displayName: 'topic.transaction',
  },
  {
    name: 'internal.legacy.snapshot.max.threads',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation:
      'When enabled, uses the legacy table-per-thread parallel snapshot algorithm. When set to false (the default), tables are split into chunks and processed across all snapshot threads, allowing for higher concurrency for snapshots.',
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 9,
    width: 'SHORT',
    displayName: 'Enforces using a single thread per table regardless of table size',
  },
  {
    name: 'retriable.restart.connector.wait.ms',
    type: 'LONG',
    defaultValue: 10000,
    importance: 'LOW',
    documentation:
      'Time to wait before restarting connector after retriable exception occurs. Defaults to 10000ms.',
    group: 'ADVANCED',
    orderInGroup: 18,
    width: 'MEDIUM',
    displayName: 'Retriable restart wait (ms)',
  },
  {
    name: 'errors.max.retries',
    type: 'INT',
    defaultValue: -1,
    importance: 'LOW',
    documentation:
      'The maximum number of retries on connection errors before failing (-1 = no limit, 0 = disabled, > 0 = num of retries).',
    group: 'CONNECTOR_ADVANCED',
    orderInGroup: 8,
    width: 'MEDIUM',
    displayName: 'The maximum number of retries',
  },
];

export function postgresConnectorConfigDef(): ConfigDef {
  const def = new ConfigDef();
  for (const k of KEYS) def.define({ ...k, validator: VALIDATORS[k.name] ?? null });
  return def;
}
