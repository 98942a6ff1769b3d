/**
 * io.confluent.connect.jdbc.source.JdbcSourceConnectorConfig (kafka-connect-jdbc 10.9): the same keys,
 * types, defaults, docs, groups and validators, generated from the real ConfigDef and then completed
 * by hand where the Java used helper objects.
 */
import { ConfigDef } from '../../config/config-def';
import type { ConfigKeyDefinition, Recommender } from '../../config/config-def';
import { ConfigException } from '../../config/config-exception';
import { ValidString } from '../../config/validators';
import type { Validator } from '../../config/validators';
import { connectionRetryKeys } from './connection-retry-keys';
import { timeZoneValidator } from './time-zone-validator';

/** util.EnumRecommender: validates upper or lower case spellings, recommends lower case. */
export function enumRecommender(values: readonly string[]): Validator & Recommender {
  const canonical = values.map((v) => v.toLowerCase());
  const valid = new Set([...values.map((v) => v.toUpperCase()), ...canonical]);
  const check = (key: string, whole: unknown, v: unknown): void => {
    if (typeof v === 'string' && !valid.has(v)) throw new ConfigException(key, whole, 'Invalid enumerator');
  };
  return {
    ensureValid(key: string, value: unknown): void {
      if (Array.isArray(value)) {
        if (value.length === 0) {
          throw new ConfigException(
            key,
            value,
            `At least one value must be specified. Valid values are: [${canonical.join(', ')}]`,
          );
        }
        for (const v of value) {
          if (v === null)
            throw new ConfigException(
              key,
              value,
              `Null is not a valid value. Valid values are: [${canonical.join(', ')}]`,
            );
          check(key, value, v);
        }
      } else check(key, value, value);
    },
    toString: () => `[${canonical.join(', ')}]`,
    validValues: () => [...canonical],
    visible: () => true,
  };
}

export const NUMERIC_MAPPING_RECOMMENDER = enumRecommender([
  'NONE',
  'PRECISION_ONLY',
  'BEST_FIT',
  'BEST_FIT_EAGER_DOUBLE',
]);
export const TIMESTAMP_GRANULARITY_RECOMMENDER = enumRecommender([
  'CONNECT_LOGICAL',
  'MICROS_LONG',
  'MICROS_STRING',
  'MICROS_ISO_DATETIME_STRING',
  'NANOS_LONG',
  'NANOS_STRING',
  'NANOS_ISO_DATETIME_STRING',
]);

const MODE_DEPENDENTS_RECOMMENDER: Recommender = {
  validValues: () => [],
  visible(name, parsed) {
    const mode = parsed.get('mode') as string | undefined;
    switch (mode) {
      case 'bulk':
        return false;
      case 'timestamp':
        return (
          name === 'timestamp.column.name' ||
          name === 'validate.non.null' ||
          name === 'timestamp.columns.mapping'
        );
      case 'incrementing':
        return (
          name === 'incrementing.column.name' ||
          name === 'validate.non.null' ||
          name === 'incrementing.column.mapping'
        );
      case 'timestamp+incrementing':
        return (
          name === 'timestamp.column.name' ||
          name === 'incrementing.column.name' ||
          name === 'validate.non.null' ||
          name === 'timestamp.columns.mapping' ||
          name === 'incrementing.column.mapping'
        );
      case '':
        return true;
      default:
        return false;
    }
  },
};

const HIDDEN_RECOMMENDER: Recommender = { validValues: () => [], visible: () => false };

const regexListValidator: Validator = {
  ensureValid(name, value) {
    for (const regex of (value as string[] | null) ?? []) {
      try {
        new RegExp(regex.trim());
      } catch (e) {
        throw new ConfigException(
          name,
          value,
          `Must be a valid comma-separated list of regular expressions. Invalid regex: ${regex} - ${(e as Error).message}`,
        );
      }
    }
  },
  toString: () => '',
};

function tableRegexToColumnsValidator(multiple: boolean): Validator {
  return {
    ensureValid(name, value) {
      for (const entry of (value as string[] | null) ?? []) {
        const idx = entry.lastIndexOf(':');
        const ok = multiple
          ? idx > 0 && /^\[.+\]$/.test(entry.slice(idx + 1).trim())
          : idx > 0 && entry.slice(idx + 1).trim() !== '';
        if (!ok) {
          throw new ConfigException(
            name,
            value,
            multiple
              ? `Invalid mapping '${entry}'. Expected format 'tableRegex:[col1|col2|...]'`
              : `Invalid mapping '${entry}'. Expected format 'tableRegex:columnName'`,
          );
        }
      }
    },
    toString: () => '',
  };
}

const INVALID_TOPIC_CHARS = /[^a-zA-Z0-9._-]/;
const topicPrefixValidator: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined)
      throw new ConfigException(name, value, 'Topic prefix must not be null.');
    const trimmed = (value as string).trim();
    if (trimmed.length > 249)
      throw new ConfigException(
        name,
        value,
        'Topic prefix length must not exceed max topic name length, 249 chars',
      );
    if (INVALID_TOPIC_CHARS.test(trimmed)) {
      throw new ConfigException(
        name,
        value,
        "Topic prefix must not contain any character other than ASCII alphanumerics, '.', '_' and '-'.",
      );
    }
  },
  toString: () => '',
};

export const JDBC_SOURCE_KEYS: ConfigKeyDefinition[] = [
  {
    name: 'connection.url',
    type: 'STRING',
    defaultValue: '',
    importance: 'HIGH',
    documentation:
      'JDBC connection URL.\nFor example: ``jdbc:oracle:thin:@localhost:1521:orclpdb1``, ``jdbc:mysql://localhost/db_name``, ``jdbc:sqlserver://localhost;instance=SQLEXPRESS;databaseName=db_name``\nFor SQL Server (Driver 10.2.4+) - TLS encryption is recommended.Use ``encrypt=true;trustServerCertificate=false`` for secure connections, In order to bypass certificate validation (not recommended for production), use ``encrypt=true;trustServerCertificate=true`` and in order to disable  TLS encryption entirely, use ``encrypt=false`` (not recommended for production).',
    group: 'Database',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'JDBC URL',
    dependents: ['table.whitelist', 'table.blacklist'],
  },
  {
    name: 'connection.user',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'JDBC connection user.',
    group: 'Database',
    orderInGroup: 2,
    width: 'LONG',
    displayName: 'JDBC User',
  },
  {
    name: 'connection.password',
    type: 'PASSWORD',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'JDBC connection password.',
    group: 'Database',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'JDBC Password',
  },
  {
    name: 'jdbc.credentials.provider.class',
    type: 'CLASS',
    defaultValue: 'io.confluent.connect.jdbc.util.DefaultJdbcCredentialsProvider',
    importance: 'LOW',
    documentation: 'Credentials provider or provider factory to use for authentication to the database.',
    group: 'Database',
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'JDBC Credentials Provider Class',
  },
  ...connectionRetryKeys('Database', 5),
  {
    name: 'table.whitelist',
    type: 'LIST',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'List of tables to include in copying. If specified, ``table.blacklist`` may not be set. Use a comma-separated list to specify multiple tables (for example, ``table.whitelist: "User, Address, Email"``).',
    group: 'Database',
    orderInGroup: 7,
    width: 'LONG',
    displayName: 'Table Whitelist',
  },
  {
    name: 'table.blacklist',
    type: 'LIST',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'List of tables to exclude from copying. If specified, ``table.whitelist`` may not be set. Use a comma-separated list to specify multiple tables (for example, ``table.blacklist: "User, Address, Email"``).',
    group: 'Database',
    orderInGroup: 8,
    width: 'LONG',
    displayName: 'Table Blacklist',
  },
  {
    name: 'table.include.list',
    type: 'LIST',
    defaultValue: '',
    validator: regexListValidator,
    importance: 'MEDIUM',
    documentation:
      'A comma-separated list of regular expressions that match the fully-qualified names of tables to be copied. Use a comma-separated list to specify multiple regular expressions. Table names are case-sensitive. For example, ``table.include.list: "schema1.customer.*,schema2.order.*"``. If specified, the legacy configs of ``table.whitelist``, and ``table.blacklist`` cannot be set.',
    group: 'Database',
    orderInGroup: 9,
    width: 'LONG',
    displayName: 'Tables Included (Regex)',
  },
  {
    name: 'table.exclude.list',
    type: 'LIST',
    defaultValue: '',
    validator: regexListValidator,
    importance: 'MEDIUM',
    documentation:
      'A comma-separated list of regular expressions that match the fully-qualified names of tables not to be copied. This only applies to tables that match the include list. REQUIRES ``table.include.list`` to be specified. Use a comma-separated list to specify multiple regular expressions. Table names are case-sensitive. For example, ``table.exclude.list: ".*.temp.*,.*.staging.*"``. If specified, ``table.whitelist`` and ``table.blacklist`` cannot not be set.',
    group: 'Database',
    orderInGroup: 10,
    width: 'LONG',
    displayName: 'Tables Excluded (Regex)',
  },
  {
    name: 'catalog.pattern',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      'Catalog pattern to fetch table metadata from the database.\n  * ``""`` retrieves those without a catalog \n  * null (default) indicates that the schema name is not used to narrow the search and that all table metadata is fetched, regardless of the catalog.',
    group: 'Database',
    orderInGroup: 11,
    width: 'SHORT',
    displayName: 'Schema pattern',
  },
  {
    name: 'schema.pattern',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation:
      'Schema pattern to fetch table metadata from the database.\n  * ``""`` retrieves those without a schema.\n  * null (default) indicates that the schema name is not used to narrow the search and that all table metadata is fetched, regardless of the schema.',
    group: 'Database',
    orderInGroup: 12,
    width: 'SHORT',
    displayName: 'Schema pattern',
  },
  {
    name: 'numeric.precision.mapping',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation:
      'Whether or not to attempt mapping NUMERIC values by precision to integral types. This option is now deprecated. A future version may remove it completely. Please use ``numeric.mapping`` instead.',
    group: 'Database',
    orderInGroup: 13,
    width: 'SHORT',
    displayName: 'Map Numeric Values By Precision (deprecated)',
  },
  {
    name: 'numeric.mapping',
    type: 'STRING',
    defaultValue: null,
    validator: NUMERIC_MAPPING_RECOMMENDER,
    importance: 'LOW',
    documentation:
      "Map NUMERIC values by precision and optionally scale to integral or decimal types.\n  * Use ``none`` if all NUMERIC columns are to be represented by Connect's DECIMAL logical type.\n  * Use ``best_fit`` if NUMERIC columns should be cast to Connect's INT8, INT16, INT32, INT64, or FLOAT64 based upon the column's precision and scale. This option may still represent the NUMERIC value as Connect DECIMAL if it cannot be cast to a native type without losing precision. For example, a NUMERIC(20) type with precision 20 would not be able to fit in a native INT64 without overflowing and thus would be retained as DECIMAL.\n  * Use ``best_fit_eager_double`` if in addition to the properties of ``best_fit`` described above, it is desirable to always cast NUMERIC columns with scale to Connect FLOAT64 type, despite potential of loss in accuracy.\n  * Use ``precision_only`` to map NUMERIC columns based only on the column's precision assuming that column's scale is 0.\n  * The ``none`` option is the default, but may lead to serialization issues with Avro since Connect's DECIMAL type is mapped to its binary representation, and ``best_fit`` will often be preferred since it maps to the most appropriate primitive type.",
    group: 'Database',
    orderInGroup: 14,
    width: 'SHORT',
    displayName: 'Map Numeric Values, Integral or Decimal, By Precision and Scale',
    recommender: NUMERIC_MAPPING_RECOMMENDER,
  },
  {
    name: 'dialect.name',
    type: 'STRING',
    defaultValue: '',
    importance: 'LOW',
    documentation:
      'The name of the database dialect that should be used for this connector. By default this is empty, and the connector automatically determines the dialect based upon the JDBC connection URL. Use this if you want to override that behavior and use a specific dialect. All properly-packaged dialects in the JDBC connector plugin can be used.',
    group: 'Database',
    orderInGroup: 15,
    width: 'LONG',
    displayName: 'Database Dialect',
    recommender: null,
  },
  {
    name: 'date.calendar.system',
    type: 'STRING',
    defaultValue: 'LEGACY',
    validator: ValidString.in('LEGACY', 'PROLEPTIC_GREGORIAN'),
    importance: 'LOW',
    documentation:
      "The time elapsed from epoch populated in the end table topic for DATE or TIMESTAMP type columns can have two different values based upon the Calendar used to interpret it. If LEGACY is used, it will use the hybrid Gregorian/Julian calendar which was the default in the older java date time APIs. However, if 'PROLEPTIC_GREGORIAN' is used, then it will use the proleptic gregorian calendar which extends the Gregorian rules backward indefinitely and does not apply the 1582 cutover. This matches the behavior of modern Java date/time APIs (java.time). This is defaulted to LEGACY for backward compatibility. Changing this configuration on an existing connector might lead to a drift in the kafka topic record values.",
    group: 'Database',
    orderInGroup: 16,
    width: 'MEDIUM',
    displayName: 'Date Calendar System',
  },
  {
    name: 'mode',
    type: 'STRING',
    defaultValue: '',
    validator: ValidString.in('', 'bulk', 'timestamp', 'incrementing', 'timestamp+incrementing'),
    importance: 'HIGH',
    documentation:
      'The mode for updating a table each time it is polled. Options include:\n  * bulk: perform a bulk load of the entire table each time it is polled\n  * incrementing: use a strictly incrementing column on each table to detect only new rows. Note that this will not detect modifications or deletions of existing rows.\n  * timestamp: use a timestamp (or timestamp-like) column to detect new and modified rows. This assumes the column is updated with each write, and that values are monotonically incrementing, but not necessarily unique.\n  * timestamp+incrementing: use two columns, a timestamp column that detects new and modified rows and a strictly incrementing column which provides a globally unique ID for updates so each row can be assigned a unique stream offset.',
    group: 'Mode',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Table Loading Mode',
    dependents: [
      'incrementing.column.name',
      'timestamp.column.name',
      'incrementing.column.mapping',
      'timestamp.columns.mapping',
      'validate.non.null',
    ],
  },
  {
    name: 'incrementing.column.name',
    type: 'STRING',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'The name of the strictly incrementing column to use to detect new rows. Any empty value indicates the column should be autodetected by looking for an auto-incrementing column. This column may not be nullable.',
    group: 'Mode',
    orderInGroup: 2,
    width: 'MEDIUM',
    displayName: 'Incrementing Column Name',
    recommender: MODE_DEPENDENTS_RECOMMENDER,
  },
  {
    name: 'timestamp.column.name',
    type: 'LIST',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'Comma separated list of one or more timestamp columns to detect new or modified rows using the COALESCE SQL function. Rows whose first non-null timestamp value is greater than the largest previous timestamp value seen will be discovered with each poll. At least one column should not be nullable.',
    group: 'Mode',
    orderInGroup: 3,
    width: 'MEDIUM',
    displayName: 'Timestamp Column Name',
    recommender: MODE_DEPENDENTS_RECOMMENDER,
  },
  {
    name: 'timestamp.columns.mapping',
    type: 'LIST',
    defaultValue: '',
    validator: tableRegexToColumnsValidator(true),
    importance: 'MEDIUM',
    documentation:
      'A comma separated list of table regex to timestamp columns mappings. On specifying multiple timestamp columns, COALESCE SQL function would be used to find out the effective timestamp for a row. Expected format is ``regex1:[col1|col2],regex2:[col3]``. Regexes would be matched against the fully-qualified table names of tables. Every table included for capture should match exactly one of the provided mappings. An example for a valid input would be ``SCHEMA1.EMPLOYEES.SALARY.*:[UPDATED_AT|MODIFIED_AT],ACCOUNTS.*:[CHANGED_AT]``',
    group: 'Mode',
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'Table to timestamp columns mappings',
    recommender: MODE_DEPENDENTS_RECOMMENDER,
  },
  {
    name: 'incrementing.column.mapping',
    type: 'LIST',
    defaultValue: '',
    validator: tableRegexToColumnsValidator(false),
    importance: 'MEDIUM',
    documentation:
      'A comma separated list of table regex to incrementing column mappings. Expected format is ``regex1:col2,regex2:col1``. Regexes would be matched against the fully-qualified table names of tables. Every table included for capture should match exactly one of the provided mappings. An example for a valid input would be ``SCHEMA1.EMPLOYEES.SALARY*:EMP_ID,ACCOUNTS.*:ID``',
    group: 'Mode',
    orderInGroup: 5,
    width: 'LONG',
    displayName: 'Table to incrementing column mappings',
    recommender: MODE_DEPENDENTS_RECOMMENDER,
  },
  {
    name: 'timestamp.initial',
    type: 'LONG',
    defaultValue: null,
    importance: 'LOW',
    documentation:
      'The epoch timestamp used for initial queries that use timestamp criteria. Use -1 to use the current time. If not specified, all data will be retrieved.',
    group: 'Mode',
    orderInGroup: 6,
    width: 'MEDIUM',
    displayName: 'Unix time value of initial timestamp',
    recommender: MODE_DEPENDENTS_RECOMMENDER,
  },
  {
    name: 'validate.non.null',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation:
      "By default, the JDBC connector will validate that all incrementing and timestamp tables have NOT NULL set for the columns being used as their ID/timestamp. If the tables don't, JDBC connector will fail to start. Setting this to false will disable these checks.",
    group: 'Mode',
    orderInGroup: 7,
    width: 'SHORT',
    displayName: 'Validate Non Null',
    recommender: MODE_DEPENDENTS_RECOMMENDER,
  },
  {
    name: 'query',
    type: 'STRING',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'If specified, the query to perform to select new or updated rows. Use this setting if you want to join tables, select subsets of columns in a table, or filter data. If used, this connector will only copy data using this query -- whole-table copying will be disabled. Different query modes may still be used for incremental updates, but in order to properly construct the incremental query, it must be possible to append a WHERE clause to this query (i.e. no WHERE clauses may be used). If you use a WHERE clause, it must handle incremental queries itself.',
    group: 'Mode',
    orderInGroup: 8,
    width: 'SHORT',
    displayName: 'Query',
  },
  {
    name: 'query.masked',
    type: 'PASSWORD',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      "Same as 'query' configuration but the query string is maskedUse this config to prevent sensitive information from being logged.",
    group: 'Mode',
    orderInGroup: 9,
    width: 'SHORT',
    displayName: 'Query (Masked)',
    recommender: HIDDEN_RECOMMENDER,
  },
  {
    name: 'quote.sql.identifiers',
    type: 'STRING',
    defaultValue: 'ALWAYS',
    importance: 'MEDIUM',
    documentation:
      'When to quote table names, column names, and other identifiers in SQL statements. For backward compatibility, the default is ``always``.',
    group: 'Mode',
    orderInGroup: 10,
    width: 'MEDIUM',
    displayName: 'Quote Identifiers',
    recommender: enumRecommender(['ALWAYS', 'NEVER']),
  },
  {
    name: 'query.suffix',
    type: 'STRING',
    defaultValue: '',
    importance: 'LOW',
    documentation: 'Suffix to append at the end of the generated query.',
    group: 'Mode',
    orderInGroup: 11,
    width: 'MEDIUM',
    displayName: 'Query suffix',
  },
  {
    name: 'transaction.isolation.mode',
    type: 'STRING',
    defaultValue: 'DEFAULT',
    importance: 'LOW',
    documentation:
      'Mode to control which transaction isolation level is used when running queries against the database. By default no explicit transaction isolationmode is set. SQL_SERVER_SNAPSHOT will only workagainst a connector configured to write to Sql Server.  Options include:\n  * DEFAULT\n   * READ_UNCOMMITED\n  * READ_COMMITED\n  * REPEATABLE_READ\n  * SERIALIZABLE\n  * SQL_SERVER_SNAPSHOT\n',
    group: 'Mode',
    orderInGroup: 12,
    width: 'MEDIUM',
    displayName: 'Transaction Isolation Mode',
    recommender: enumRecommender([
      'DEFAULT',
      'READ_UNCOMMITTED',
      'READ_COMMITTED',
      'REPEATABLE_READ',
      'SERIALIZABLE',
      'SQL_SERVER_SNAPSHOT',
    ]),
  },
  {
    name: 'query.retry.attempts',
    type: 'INT',
    defaultValue: '-1',
    importance: 'LOW',
    documentation: 'Number of times to retry SQL exceptions encountered when executing queries.',
    group: 'Mode',
    orderInGroup: 13,
    width: 'MEDIUM',
    displayName: 'Query Retry Attempts',
  },
  {
    name: 'table.types',
    type: 'LIST',
    defaultValue: 'TABLE',
    importance: 'LOW',
    documentation:
      'By default, the JDBC connector will only detect tables with type TABLE from the source Database. This config allows a command separated list of table types to extract. Options include:\n  * TABLE\n  * VIEW\n  * SYSTEM TABLE\n  * GLOBAL TEMPORARY\n  * LOCAL TEMPORARY\n  * ALIAS\n  * SYNONYM\n  In most cases it only makes sense to have either TABLE or VIEW.',
    group: 'Connector',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Table Types',
  },
  {
    name: 'poll.interval.ms',
    type: 'INT',
    defaultValue: 5000,
    importance: 'HIGH',
    documentation: 'Frequency in ms to poll for new data in each table.',
    group: 'Connector',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Poll Interval (ms)',
  },
  {
    name: 'batch.max.rows',
    type: 'INT',
    defaultValue: 1000,
    importance: 'LOW',
    documentation:
      'Maximum number of rows to include in a single batch when polling for new data. This setting can be used to limit the amount of data buffered internally in the connector.',
    group: 'Connector',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Max Rows Per Batch',
  },
  {
    name: 'max.buffer.size',
    type: 'INT',
    defaultValue: 0,
    importance: 'LOW',
    documentation:
      'The maximum number of records from the source database that can be buffered into memory. The default of 0 means a buffer size will be based on the maximum batch size.',
    group: 'Connector',
    orderInGroup: 4,
    width: 'SHORT',
    displayName: 'Maximum Buffer Size',
  },
  {
    name: 'poll.linger.ms',
    type: 'LONG',
    defaultValue: 5000,
    importance: 'LOW',
    documentation:
      'The maximum time to wait for a record before returning an empty batch. The default is 5 seconds.',
    group: 'Connector',
    orderInGroup: 5,
    width: 'SHORT',
    displayName: 'Poll Linger Milliseconds',
  },
  {
    name: 'table.poll.interval.ms',
    type: 'LONG',
    defaultValue: 60000,
    importance: 'LOW',
    documentation:
      'Frequency in ms to poll for new or removed tables, which may result in updated task configurations to start polling for data in added tables or stop polling for data in removed tables.',
    group: 'Connector',
    orderInGroup: 6,
    width: 'SHORT',
    displayName: 'Metadata Change Monitoring Interval (ms)',
  },
  {
    name: 'topic.prefix',
    type: 'STRING',
    defaultValue: '',
    validator: topicPrefixValidator,
    importance: 'HIGH',
    documentation:
      'Prefix to prepend to table names to generate the name of the Kafka topic to publish data to, or in the case of a custom query, the full name of the topic to publish to.',
    group: 'Connector',
    orderInGroup: 7,
    width: 'MEDIUM',
    displayName: 'Topic Prefix',
  },
  {
    name: 'timestamp.delay.interval.ms',
    type: 'LONG',
    defaultValue: 0,
    importance: 'HIGH',
    documentation:
      'How long to wait after a row with certain timestamp appears before we include it in the result. You may choose to add some delay to allow transactions with earlier timestamp to complete. The first execution will fetch all available records (i.e. starting at timestamp 0) until current time minus the delay. Every following execution will get data from the last time we fetched until current time minus the delay.',
    group: 'Connector',
    orderInGroup: 8,
    width: 'MEDIUM',
    displayName: 'Delay Interval (ms)',
  },
  {
    name: 'db.timezone',
    type: 'STRING',
    defaultValue: 'UTC',
    validator: timeZoneValidator,
    importance: 'MEDIUM',
    documentation:
      'Name of the JDBC timezone used in the connector when querying with time-based criteria. Defaults to UTC.',
    group: 'Connector',
    orderInGroup: 9,
    width: 'MEDIUM',
    displayName: 'DB time zone',
  },
  {
    name: 'timestamp.granularity',
    type: 'STRING',
    defaultValue: 'connect_logical',
    validator: TIMESTAMP_GRANULARITY_RECOMMENDER,
    importance: 'LOW',
    documentation:
      "Define the granularity of the Timestamp column. Options include: \n  * connect_logical (default): represents timestamp values using Kafka Connect's built-in representations \n  * micros_long: represents timestamp values as micros since epoch\n  * micros_string: represents timestamp values as micros since epoch in string\n  * micros_iso_datetime_string: uses iso format 'yyyy-MM-dd'T'HH:mm:ss.SSSSSS'\n  * nanos_long: represents timestamp values as nanos since epoch\n  * nanos_string: represents timestamp values as nanos since epoch in string\n  * nanos_iso_datetime_string: uses iso format 'yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'\n",
    group: 'Connector',
    orderInGroup: 10,
    width: 'MEDIUM',
    displayName: 'Timestamp granularity for timestamp columns',
    recommender: TIMESTAMP_GRANULARITY_RECOMMENDER,
  },
];

export function jdbcSourceConfigDef(): ConfigDef {
  const def = new ConfigDef();
  for (const key of JDBC_SOURCE_KEYS) def.define(key);
  return def;
}

/** JdbcSourceTaskConfig: the connector's keys plus the tables assigned to this task. */
export function jdbcSourceTaskConfigDef(): ConfigDef {
  return jdbcSourceConfigDef()
    .define({
      name: 'tables',
      type: 'LIST',
      importance: 'HIGH',
      documentation: 'List of tables for this task to watch for changes.',
    })
    .define({
      name: 'tables.fetched',
      type: 'BOOLEAN',
      defaultValue: false,
      importance: 'LOW',
      documentation: 'Flag to indicate if the tables have been fetched.',
    });
}
