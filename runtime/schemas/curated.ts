/**
 * Connectors the runtime does not run but learners configure, declared as ConfigDefs from their
 * documented configuration (keys, types, defaults, enums — facts only, no behaviour). The schema
 * generator treats them like the runtime's own plugins. `legacy` keys are spellings older releases
 * accepted: the schema flags them with a deprecation warning instead of an error.
 */
import { ConfigDef } from '../config/config-def';
import type { ConfigKeyDefinition, ConfigType, Importance } from '../config/config-def';
import { ValidString } from '../config/validators';

export interface CuratedConnector {
  className: string;
  aliases: string[];
  type: 'source' | 'sink';
  source: string;
  configDef: ConfigDef;
  /** key → the message shown when it is used (a key of older releases). */
  legacy: Record<string, string>;
  /** Rejections a real worker makes that no single key expresses (key → message). */
  rejects?: Record<string, { unless: string; message: string }>;
}

type Row = [
  name: string,
  type: ConfigType,
  defaultValue: unknown,
  importance: Importance,
  doc: string,
  values?: string[],
];
const REQUIRED = Symbol('required');

function def(rows: Row[]): ConfigDef {
  const d = new ConfigDef();
  for (const [name, type, defaultValue, importance, documentation, values] of rows) {
    const k: ConfigKeyDefinition = { name, type, importance, documentation };
    if (defaultValue !== REQUIRED) k.defaultValue = defaultValue;
    if (values) k.validator = ValidString.in(...values);
    d.define(k);
  }
  return d;
}

const ELASTICSEARCH = def([
  [
    'connection.url',
    'LIST',
    REQUIRED,
    'HIGH',
    'The comma-separated list of one or more Elasticsearch URLs, such as ``http://eshost1:9200,http://eshost2:9200``. HTTPS is used for all connections if any of the URLs starts with ``https:``.',
  ],
  ['connection.username', 'STRING', null, 'MEDIUM', 'The username used to authenticate with Elasticsearch.'],
  [
    'connection.password',
    'PASSWORD',
    null,
    'MEDIUM',
    'The password used to authenticate with Elasticsearch.',
  ],
  [
    'batch.size',
    'INT',
    2000,
    'MEDIUM',
    'The number of records to process as a batch when writing to Elasticsearch.',
  ],
  [
    'bulk.size.bytes',
    'LONG',
    5242880,
    'LOW',
    'The maximum size (in bytes) to be processed as a batch when writing records to Elasticsearch.',
  ],
  [
    'max.in.flight.requests',
    'INT',
    5,
    'MEDIUM',
    'The maximum number of indexing requests that can be in-flight to Elasticsearch before blocking further requests.',
  ],
  [
    'max.buffered.records',
    'INT',
    20000,
    'LOW',
    'The maximum number of records each task will buffer before blocking acceptance of more records.',
  ],
  ['linger.ms', 'LONG', 1, 'LOW', 'Linger time in milliseconds for batching.'],
  [
    'flush.timeout.ms',
    'LONG',
    180000,
    'LOW',
    'The timeout in milliseconds to use for periodic flushing, and when waiting for buffer space.',
  ],
  [
    'flush.synchronously',
    'BOOLEAN',
    false,
    'LOW',
    'True if flushes should wait for background processing to finish.',
  ],
  [
    'max.retries',
    'INT',
    5,
    'LOW',
    'The maximum number of retries that are allowed for failed indexing requests.',
  ],
  [
    'retry.backoff.ms',
    'LONG',
    100,
    'LOW',
    'How long to wait in milliseconds before attempting the first retry of a failed indexing request.',
  ],
  [
    'connection.compression',
    'BOOLEAN',
    false,
    'LOW',
    'Whether to use GZip compression on HTTP connection to ElasticSearch.',
  ],
  [
    'max.connection.idle.time.ms',
    'INT',
    60000,
    'LOW',
    'How long to wait in milliseconds before dropping an idle connection.',
  ],
  [
    'connection.timeout.ms',
    'INT',
    1000,
    'LOW',
    'How long to wait in milliseconds when establishing a connection to the Elasticsearch server.',
  ],
  [
    'read.timeout.ms',
    'INT',
    3000,
    'LOW',
    'How long to wait in milliseconds for the Elasticsearch server to send a response.',
  ],
  [
    'key.ignore',
    'BOOLEAN',
    false,
    'HIGH',
    "Whether to ignore the record key for the purpose of forming the Elasticsearch document ID. When true, document IDs are generated as the record's ``topic+partition+offset``.",
  ],
  ['topic.key.ignore', 'LIST', '', 'LOW', 'List of topics for which ``key.ignore`` should be ``true``.'],
  [
    'schema.ignore',
    'BOOLEAN',
    false,
    'LOW',
    'Whether to ignore schemas during indexing. When true, the record schema is ignored and Elasticsearch infers the mapping from the data.',
  ],
  [
    'topic.schema.ignore',
    'LIST',
    '',
    'LOW',
    'List of topics for which ``schema.ignore`` should be ``true``.',
  ],
  [
    'compact.map.entries',
    'BOOLEAN',
    true,
    'LOW',
    'Defines how map entries with string keys within record values should be written to JSON: as objects when true, else as ``{"key": ..., "value": ...}`` entries.',
  ],
  [
    'drop.invalid.message',
    'BOOLEAN',
    false,
    'LOW',
    'Whether to drop a record when it cannot be converted to an Elasticsearch document.',
  ],
  [
    'behavior.on.null.values',
    'STRING',
    'FAIL',
    'LOW',
    'How to handle records with a non-null key and a null value.',
    ['IGNORE', 'DELETE', 'FAIL'],
  ],
  [
    'behavior.on.malformed.documents',
    'STRING',
    'FAIL',
    'LOW',
    'How to handle records that Elasticsearch rejects due to malformed documents.',
    ['IGNORE', 'WARN', 'FAIL'],
  ],
  [
    'write.method',
    'STRING',
    'INSERT',
    'LOW',
    'Method used for writing data to Elasticsearch: INSERT replaces the document, UPSERT updates it (or inserts it).',
    ['INSERT', 'UPSERT'],
  ],
  [
    'use.autogenerated.ids',
    'BOOLEAN',
    false,
    'LOW',
    'Whether to use Elasticsearch-generated document IDs (INSERT only).',
  ],
  [
    'external.version.header',
    'STRING',
    '',
    'LOW',
    'The name of the header holding the numeric external version of the document.',
  ],
  [
    'data.stream.type',
    'STRING',
    'NONE',
    'LOW',
    'Generic type describing the data written to the data stream; NONE writes to indexes instead.',
    ['LOGS', 'METRICS', 'NONE'],
  ],
  [
    'data.stream.dataset',
    'STRING',
    '',
    'LOW',
    'Describes the data ingested and its structure, used in the data stream name ``<type>-<dataset>-<namespace>``.',
  ],
  [
    'data.stream.namespace',
    'STRING',
    '${topic}',
    'LOW',
    'The namespace part of the data stream name; ``${topic}`` is replaced by the topic name.',
  ],
  [
    'data.stream.timestamp.field',
    'LIST',
    '',
    'LOW',
    'The record fields used as the ``@timestamp`` of data stream documents.',
  ],
  [
    'external.resource.usage',
    'STRING',
    'DISABLED',
    'LOW',
    'The kind of externally created resource the topics are mapped to.',
    ['INDEX', 'DATASTREAM', 'ALIAS_INDEX', 'ALIAS_DATASTREAM', 'DISABLED'],
  ],
  [
    'topic.to.external.resource.mapping',
    'LIST',
    '',
    'LOW',
    'List of ``topic:resource`` pairs mapping topics to existing indexes, data streams or aliases.',
  ],
  [
    'elastic.security.protocol',
    'STRING',
    'PLAINTEXT',
    'MEDIUM',
    'The security protocol to use when connecting to Elasticsearch.',
    ['PLAINTEXT', 'SSL'],
  ],
  ['proxy.host', 'STRING', '', 'LOW', 'The address of the proxy host to connect through.'],
  ['proxy.port', 'INT', 8080, 'LOW', 'The port of the proxy host to connect through.'],
  ['proxy.username', 'STRING', '', 'LOW', 'The username for the proxy host.'],
  ['proxy.password', 'PASSWORD', null, 'LOW', 'The password for the proxy host.'],
  [
    'kerberos.user.principal',
    'STRING',
    null,
    'LOW',
    'The Kerberos user principal the connector uses to authenticate.',
  ],
  [
    'kerberos.keytab.path',
    'STRING',
    null,
    'LOW',
    'The path to the keytab file of the Kerberos user principal.',
  ],
]);

const S3_SINK = def([
  ['s3.bucket.name', 'STRING', REQUIRED, 'HIGH', 'The S3 bucket name.'],
  ['s3.region', 'STRING', 'us-west-2', 'MEDIUM', 'The AWS region to be used by the connector.'],
  ['s3.part.size', 'INT', 26214400, 'HIGH', 'The part size in S3 multi-part uploads.'],
  ['store.url', 'STRING', null, 'HIGH', "Store's connection URL, if applicable (e.g. a custom S3 endpoint)."],
  ['topics.dir', 'STRING', 'topics', 'HIGH', 'Top level directory to store the data ingested from Kafka.'],
  [
    'storage.class',
    'CLASS',
    REQUIRED,
    'HIGH',
    'The underlying storage layer, ``io.confluent.connect.s3.storage.S3Storage``.',
  ],
  [
    'format.class',
    'CLASS',
    REQUIRED,
    'HIGH',
    'The format class to use when writing data to the store: ``io.confluent.connect.s3.format.avro.AvroFormat``, ``io.confluent.connect.s3.format.json.JsonFormat``, ``io.confluent.connect.s3.format.parquet.ParquetFormat`` or ``io.confluent.connect.s3.format.bytearray.ByteArrayFormat``.',
  ],
  ['flush.size', 'INT', REQUIRED, 'HIGH', 'Number of records written to store before invoking file commits.'],
  [
    'rotate.interval.ms',
    'LONG',
    -1,
    'HIGH',
    'The time interval in milliseconds to invoke file commits, based on record timestamps.',
  ],
  [
    'rotate.schedule.interval.ms',
    'LONG',
    -1,
    'MEDIUM',
    'The time interval in milliseconds to periodically invoke file commits, based on wall-clock time.',
  ],
  [
    'partitioner.class',
    'CLASS',
    'io.confluent.connect.storage.partitioner.DefaultPartitioner',
    'HIGH',
    'The partitioner to use when writing data to the store.',
  ],
  [
    'path.format',
    'STRING',
    '',
    'MEDIUM',
    'The format of the data directories when partitioning with TimeBasedPartitioner (Joda-Time pattern).',
  ],
  [
    'partition.duration.ms',
    'LONG',
    -1,
    'MEDIUM',
    'The duration of a partition in milliseconds, used by TimeBasedPartitioner.',
  ],
  ['locale', 'STRING', '', 'MEDIUM', 'The locale to use when partitioning with TimeBasedPartitioner.'],
  ['timezone', 'STRING', '', 'MEDIUM', 'The timezone to use when partitioning with TimeBasedPartitioner.'],
  [
    'timestamp.extractor',
    'STRING',
    'Wallclock',
    'MEDIUM',
    'The extractor that gets the timestamp for records when partitioning with TimeBasedPartitioner: Wallclock, Record, RecordField, or the class name of a TimestampExtractor.',
  ],
  [
    'schema.compatibility',
    'STRING',
    'NONE',
    'HIGH',
    'The schema compatibility rule to use when the connector is observing schema changes.',
    ['NONE', 'BACKWARD', 'FORWARD', 'FULL'],
  ],
  [
    's3.compression.type',
    'STRING',
    'none',
    'LOW',
    'Compression type for files written to S3 (JSON format).',
    ['none', 'gzip'],
  ],
  [
    'aws.access.key.id',
    'STRING',
    '',
    'HIGH',
    'The AWS access key ID used to authenticate personal AWS credentials.',
  ],
  [
    'aws.secret.access.key',
    'PASSWORD',
    null,
    'HIGH',
    'The secret access key used to authenticate personal AWS credentials.',
  ],
  [
    'behavior.on.null.values',
    'STRING',
    'fail',
    'LOW',
    'How to handle records with a null value.',
    ['ignore', 'fail', 'write'],
  ],
]);

const BIGQUERY_SINK = def([
  ['project', 'STRING', REQUIRED, 'HIGH', 'The BigQuery project to write to.'],
  ['defaultDataset', 'STRING', REQUIRED, 'HIGH', 'The default dataset to be used.'],
  [
    'keyfile',
    'PASSWORD',
    null,
    'MEDIUM',
    'The file containing a JSON key with BigQuery service account credentials, or the JSON key itself (see keySource).',
  ],
  [
    'keySource',
    'STRING',
    'FILE',
    'MEDIUM',
    'Determines whether the keyfile config is the path to the credentials JSON file or the raw JSON of the key itself.',
    ['FILE', 'JSON', 'APPLICATION_DEFAULT'],
  ],
  [
    'autoCreateTables',
    'BOOLEAN',
    true,
    'HIGH',
    "Automatically create BigQuery tables if they don't already exist.",
  ],
  [
    'allowNewBigQueryFields',
    'BOOLEAN',
    false,
    'MEDIUM',
    'If true, new fields can be added to BigQuery tables during subsequent schema updates.',
  ],
  [
    'allowBigQueryRequiredFieldRelaxation',
    'BOOLEAN',
    false,
    'MEDIUM',
    'If true, fields in BigQuery Schema can be changed from REQUIRED to NULLABLE.',
  ],
  [
    'sanitizeTopics',
    'BOOLEAN',
    false,
    'MEDIUM',
    'Whether to automatically sanitize topic names before using them as table names.',
  ],
  [
    'sanitizeFieldNames',
    'BOOLEAN',
    false,
    'MEDIUM',
    'Whether to automatically sanitize field names before using them as column names in BigQuery.',
  ],
  [
    'bigQueryRetry',
    'INT',
    0,
    'MEDIUM',
    'The number of retry attempts made for a BigQuery request that fails with a backend or quota exceeded error.',
  ],
  [
    'bigQueryRetryWait',
    'LONG',
    1000,
    'MEDIUM',
    'The minimum amount of time, in milliseconds, to wait between retry attempts for a BigQuery backend or quota exceeded error.',
  ],
  [
    'bigQueryPartitionDecorator',
    'BOOLEAN',
    true,
    'HIGH',
    'Whether or not to append partition decorator to BigQuery table name when inserting records.',
  ],
  [
    'timestampPartitionFieldName',
    'STRING',
    null,
    'LOW',
    'The name of the field in the value that contains the timestamp to partition by in BigQuery.',
  ],
  [
    'upsertEnabled',
    'BOOLEAN',
    false,
    'LOW',
    'Enable upsert functionality on the connector through the use of record keys, intermediate tables, and periodic merge flushes.',
  ],
  [
    'deleteEnabled',
    'BOOLEAN',
    false,
    'LOW',
    'Enable delete functionality on the connector through the use of record keys, intermediate tables, and periodic merge flushes.',
  ],
  [
    'kafkaKeyFieldName',
    'STRING',
    null,
    'LOW',
    'The name of the field of Kafka key. Default to be null, which means Kafka Key Field will not be included.',
  ],
  [
    'kafkaDataFieldName',
    'STRING',
    null,
    'LOW',
    'The name of the field of Kafka Data. Default to be null, which means Kafka Data Field will not be included.',
  ],
  [
    'topic2TableMap',
    'STRING',
    '',
    'LOW',
    'Map of topics to tables (optional), format ``topic1:table1,topic2:table2``.',
  ],
]);

const mongoUri = (defaultValue: string): Row => [
  'connection.uri',
  'PASSWORD',
  defaultValue,
  'HIGH',
  'The connection URI as supported by the official drivers, e.g. ``mongodb://user@pass@locahost/``.',
];

const MONGO_SOURCE = def([
  mongoUri('mongodb://localhost:27017,localhost:27018,localhost:27019'),
  ['database', 'STRING', '', 'MEDIUM', 'The database to watch (empty: all databases).'],
  ['collection', 'STRING', '', 'MEDIUM', 'The collection in the database to watch (empty: all collections).'],
  [
    'pipeline',
    'STRING',
    '[]',
    'MEDIUM',
    'An inline JSON array with objects describing the pipeline operations to run, e.g. ``[{"$match": {"operationType": "insert"}}]``.',
  ],
  [
    'topic.prefix',
    'STRING',
    '',
    'LOW',
    'Prefix to prepend to database & collection names to generate the name of the Kafka topic to publish data to.',
  ],
  [
    'topic.suffix',
    'STRING',
    '',
    'LOW',
    'Suffix to append to database & collection names to generate the name of the Kafka topic to publish data to.',
  ],
  [
    'publish.full.document.only',
    'BOOLEAN',
    false,
    'HIGH',
    'Only publish the actual changed document rather than the full change stream document.',
  ],
  [
    'change.stream.full.document',
    'STRING',
    '',
    'HIGH',
    'Determines what to return for update operations when using a Change Stream (empty: the server default).',
    ['', 'default', 'updateLookup', 'whenAvailable', 'required'],
  ],
  [
    'output.format.key',
    'STRING',
    'json',
    'HIGH',
    'The output format of the data produced by the connector for the key.',
    ['bson', 'json', 'schema'],
  ],
  [
    'output.format.value',
    'STRING',
    'json',
    'HIGH',
    'The output format of the data produced by the connector for the value.',
    ['bson', 'json', 'schema'],
  ],
  [
    'startup.mode',
    'STRING',
    '',
    'MEDIUM',
    'Specifies how the connector should start up when there is no source offset available (empty: latest).',
    ['', 'latest', 'timestamp', 'copy_existing'],
  ],
  [
    'poll.max.batch.size',
    'INT',
    1000,
    'LOW',
    'Maximum number of change stream documents to include in a single batch when polling for new data.',
  ],
  [
    'poll.await.time.ms',
    'LONG',
    5000,
    'LOW',
    'The amount of time in milliseconds to wait before checking for new results on the change stream.',
  ],
  [
    'heartbeat.interval.ms',
    'LONG',
    0,
    'MEDIUM',
    'The length of time in milliseconds between sending heartbeat messages (0 disables them).',
  ],
]);

const MONGO_SINK = def([
  mongoUri('mongodb://localhost:27017'),
  ['database', 'STRING', REQUIRED, 'HIGH', 'The database to write to.'],
  [
    'collection',
    'STRING',
    '',
    'HIGH',
    'Optional: the single collection to write to; with several topics, the default collection they map to.',
  ],
  [
    'document.id.strategy',
    'STRING',
    'com.mongodb.kafka.connect.sink.processor.id.strategy.BsonOidStrategy',
    'HIGH',
    'The IdStrategy class name to use for generating a unique document id (_id).',
  ],
  [
    'delete.on.null.values',
    'BOOLEAN',
    false,
    'MEDIUM',
    'Whether the connector should delete documents with matching key values when value is null.',
  ],
  [
    'writemodel.strategy',
    'STRING',
    'com.mongodb.kafka.connect.sink.writemodel.strategy.DefaultWriteModelStrategy',
    'LOW',
    'The class that specifies the WriteModelStrategy to use for Bulk Writes.',
  ],
  [
    'max.batch.size',
    'INT',
    0,
    'MEDIUM',
    'The maximum number of sink records to batch together for processing (0 = no limit).',
  ],
  [
    'rate.limiting.timeout',
    'INT',
    0,
    'LOW',
    'How long in ms processing should wait before continue processing.',
  ],
  [
    'rate.limiting.every.n',
    'INT',
    0,
    'LOW',
    'After how many processed batches the rate limit should trigger (NO rate limiting if n=0).',
  ],
  [
    'change.data.capture.handler',
    'STRING',
    '',
    'LOW',
    'The class name of the CDC handler to use for processing.',
  ],
  [
    'bulk.write.ordered',
    'BOOLEAN',
    true,
    'MEDIUM',
    'Whether the batches controlled by max.batch.size must be written via ordered bulk writes.',
  ],
]);

const DEBEZIUM_MYSQL = def([
  [
    'topic.prefix',
    'STRING',
    REQUIRED,
    'HIGH',
    'Topic prefix that identifies and provides a namespace for the particular database server/cluster is capturing changes. Only alphanumeric characters, hyphens, dots and underscores must be accepted.',
  ],
  [
    'database.hostname',
    'STRING',
    REQUIRED,
    'HIGH',
    'Resolvable hostname or IP address of the database server.',
  ],
  ['database.port', 'INT', 3306, 'HIGH', 'Port of the database server.'],
  [
    'database.user',
    'STRING',
    REQUIRED,
    'HIGH',
    'Name of the database user to be used when connecting to the database.',
  ],
  [
    'database.password',
    'PASSWORD',
    null,
    'HIGH',
    'Password of the database user to be used when connecting to the database.',
  ],
  [
    'database.server.id',
    'LONG',
    REQUIRED,
    'HIGH',
    'A numeric ID of this database client, which must be unique across all currently-running database processes in the cluster.',
  ],
  ['database.include.list', 'LIST', null, 'HIGH', 'The databases for which changes are to be captured.'],
  [
    'database.exclude.list',
    'LIST',
    null,
    'MEDIUM',
    'A comma-separated list of regular expressions that match database names to be excluded from monitoring.',
  ],
  ['table.include.list', 'LIST', null, 'HIGH', 'The tables for which changes are to be captured.'],
  [
    'table.exclude.list',
    'LIST',
    null,
    'MEDIUM',
    'A comma-separated list of regular expressions that match the fully-qualified names of tables to be excluded from monitoring.',
  ],
  [
    'schema.history.internal.kafka.bootstrap.servers',
    'STRING',
    REQUIRED,
    'HIGH',
    'A list of host/port pairs that the connector will use for establishing the initial connection to the Kafka cluster for retrieving database schema history previously stored by the connector.',
  ],
  [
    'schema.history.internal.kafka.topic',
    'STRING',
    REQUIRED,
    'HIGH',
    'The name of the topic for the database schema history.',
  ],
  [
    'include.schema.changes',
    'BOOLEAN',
    true,
    'MEDIUM',
    'Whether the connector should publish changes in the database schema to a Kafka topic with the same name as the database server ID.',
  ],
  [
    'snapshot.mode',
    'STRING',
    'initial',
    'LOW',
    'The criteria for running a snapshot upon startup of the connector.',
    [
      'always',
      'initial',
      'initial_only',
      'no_data',
      'recovery',
      'when_needed',
      'configuration_based',
      'custom',
    ],
  ],
  [
    'snapshot.locking.mode',
    'STRING',
    'minimal',
    'LOW',
    'Controls how long the connector holds onto the global read lock while it is performing a snapshot.',
    ['minimal', 'minimal_percona', 'minimal_percona_no_table_locks', 'extended', 'none', 'custom'],
  ],
  [
    'decimal.handling.mode',
    'STRING',
    'precise',
    'MEDIUM',
    'Specify how DECIMAL and NUMERIC columns should be represented in change events.',
    ['precise', 'string', 'double'],
  ],
  [
    'time.precision.mode',
    'STRING',
    'adaptive_time_microseconds',
    'MEDIUM',
    'Time, date and timestamps can be represented with different kinds of precisions.',
    // 'adaptive' is in Debezium's enum but its validator rejects it for MySQL.
    ['adaptive_time_microseconds', 'connect', 'isostring', 'microseconds', 'nanoseconds'],
  ],
  [
    'bigint.unsigned.handling.mode',
    'STRING',
    'long',
    'MEDIUM',
    'Specify how BIGINT UNSIGNED columns should be represented in change events.',
    ['long', 'precise'],
  ],
  [
    'database.ssl.mode',
    'STRING',
    'preferred',
    'MEDIUM',
    'Whether to use an encrypted connection to the database.',
    ['disabled', 'preferred', 'required', 'verify_ca', 'verify_identity'],
  ],
  [
    'tombstones.on.delete',
    'BOOLEAN',
    true,
    'MEDIUM',
    'Whether delete operations should be represented by a delete event and a subsequent tombstone event.',
  ],
]);

const ES_CLASS = 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector';

export const CURATED_CONNECTORS: readonly CuratedConnector[] = [
  {
    className: ES_CLASS,
    aliases: ['ElasticsearchSinkConnector', 'ElasticsearchSink'],
    type: 'sink',
    source: 'kafka-connect-elasticsearch 15.x ElasticsearchSinkConnectorConfig',
    configDef: ELASTICSEARCH,
    legacy: {
      'type.name':
        'type.name belongs to older Elasticsearch sink versions (mapping types were removed in Elasticsearch 8.0); the 11.x+ connector ignores it.',
    },
  },
  {
    className: 'io.confluent.connect.s3.S3SinkConnector',
    aliases: ['S3SinkConnector', 'S3Sink'],
    type: 'sink',
    source: 'kafka-connect-storage-cloud S3SinkConnectorConfig',
    configDef: S3_SINK,
    legacy: {},
  },
  {
    className: 'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
    aliases: ['BigQuerySinkConnector', 'BigQuerySink'],
    type: 'sink',
    source: 'kafka-connect-bigquery BigQuerySinkConfig',
    configDef: BIGQUERY_SINK,
    legacy: {},
  },
  {
    className: 'com.mongodb.kafka.connect.MongoSourceConnector',
    aliases: ['MongoSourceConnector', 'MongoSource'],
    type: 'source',
    source: 'mongo-kafka MongoSourceConfig',
    configDef: MONGO_SOURCE,
    legacy: {},
  },
  {
    className: 'com.mongodb.kafka.connect.MongoSinkConnector',
    aliases: ['MongoSinkConnector', 'MongoSink'],
    type: 'sink',
    source: 'mongo-kafka MongoSinkConfig',
    configDef: MONGO_SINK,
    legacy: {
      'max.num.retries':
        'max.num.retries is obsolete: the sink relies on the MongoDB driver retries (retryWrites in connection.uri).',
      'retries.defer.timeout':
        'retries.defer.timeout is obsolete: the sink relies on the MongoDB driver retries (retryWrites in connection.uri).',
    },
  },
  {
    className: 'io.debezium.connector.mysql.MySqlConnector',
    aliases: ['MySqlConnector', 'MySql'],
    type: 'source',
    source: 'Debezium 3.x MySqlConnectorConfig',
    configDef: DEBEZIUM_MYSQL,
    legacy: {
      'database.server.name': 'Debezium 2.0 replaced database.server.name by topic.prefix.',
      'database.history.kafka.bootstrap.servers':
        'Debezium 2.0 renamed database.history.* to schema.history.internal.* (schema.history.internal.kafka.bootstrap.servers).',
      'database.history.kafka.topic':
        'Debezium 2.0 renamed database.history.* to schema.history.internal.* (schema.history.internal.kafka.topic).',
    },
  },
];
