/**
 * io.confluent.connect.elasticsearch.ElasticsearchSinkConnectorConfig (kafka-connect-elasticsearch
 * 15.x): keys, types, defaults, docs, groups, validators and recommenders as the real ConfigDef
 * declares them, with Kafka's client SSL keys embedded as `elastic.https.*`.
 */
import { existsSync } from 'node:fs';
import { ConfigDef } from '../../config/config-def';
import type { ConfigKeyDefinition, Recommender } from '../../config/config-def';
import { ConfigException } from '../../config/config-exception';
import { clientSslConfigDef } from '../../config/ssl-configs';
import { javaToString } from '../../config/java-compat';
import { Range } from '../../config/validators';
import type { Validator } from '../../config/validators';

/** EnumRecommender: validator and recommender of an enum's lower-cased names (values compared case-insensitively). */
function enumRecommender(names: readonly string[]): Validator & Recommender {
  const valid = names.map((n) => n.toLowerCase());
  const text = `[${valid.join(', ')}]`;
  return {
    ensureValid(key, value) {
      if (value === null || value === undefined) return;
      if (!valid.includes(javaToString(value).toLowerCase()))
        throw new ConfigException(key, value, `Value must be one of: ${text}`);
    },
    toString: () => text,
    validValues: () => [...valid],
    visible: () => true,
  };
}

export const ENUMS = {
  ExternalResourceUsage: enumRecommender([
    'INDEX',
    'DATASTREAM',
    'ALIAS_INDEX',
    'ALIAS_DATASTREAM',
    'DISABLED',
  ]),
  DataStreamType: enumRecommender(['LOGS', 'METRICS', 'NONE']),
  BehaviorOnNullValues: enumRecommender(['IGNORE', 'DELETE', 'FAIL']),
  BehaviorOnMalformedDoc: enumRecommender(['IGNORE', 'WARN', 'FAIL']),
  WriteMethod: enumRecommender(['INSERT', 'UPSERT']),
  SecurityProtocol: enumRecommender(['PLAINTEXT', 'SSL']),
};

/** UrlListValidator: every entry must parse as a URI. */
const urlListValidator: Validator = {
  ensureValid(key, value) {
    if (value === null || value === undefined)
      throw new ConfigException(key, value, 'The config must be provided and non-null.');
    for (const url of value as string[]) {
      if (!isUri(url)) throw new ConfigException(key, value, `The provided url '${url}' is not a valid url.`);
    }
  },
  toString: () => 'List of valid URIs.',
};

/** java.net.URI accepts relative references too; it rejects spaces and other illegal characters. */
function isUri(s: string): boolean {
  return !/[\s"<>\\^`{|}]/.test(s) && !/%(?![0-9a-fA-F]{2})/.test(s) && !/^[^a-zA-Z/]*:/.test(s);
}

/** DataStreamDatasetValidator / DataStreamNamespaceValidator (same rules, own noun). */
function dataStreamNameValidator(noun: 'dataset' | 'namespace'): Validator {
  return {
    ensureValid(key, value) {
      if (value === null || value === undefined) return;
      const s = javaToString(value);
      if (s.length > 100)
        throw new ConfigException(key, s, `The specified ${noun} must be no longer than 100 characters.`);
      if (s !== s.toLowerCase())
        throw new ConfigException(key, s, `The specified ${noun} must be in all lowercase.`);
      if (/[\\/*?"<>| ,#\-:]/.test(s))
        throw new ConfigException(
          key,
          s,
          `The specified ${noun} must not contain any spaces or invalid characters \\/*?"<>|,#-:`,
        );
    },
    toString: () => '',
  };
}

/** FilePathValidator: an existing file with the given extension. */
function filePathValidator(extension: string): Validator {
  return {
    ensureValid(key, value) {
      if (value === null || value === undefined) return;
      const s = javaToString(value);
      if (!s.endsWith(extension))
        throw new ConfigException(key, s, `The specified file must end with .${extension}`);
      if (!existsSync(s)) throw new ConfigException(key, s, 'The specified file does not exist.');
    },
    toString: () => `Existing file with ${extension} extension.`,
  };
}

const KEYS: ConfigKeyDefinition[] = [
  {
    name: 'connection.url',
    type: 'LIST',
    validator: urlListValidator,
    importance: 'HIGH',
    documentation:
      'The comma-separated list of one or more Elasticsearch URLs, such as ``http://eshost1:9200,http://eshost2:9200`` or ``https://eshost3:9200``. HTTPS is used for all connections if any of the URLs starts with ``https:``. A URL without a protocol is treated as ``http``.',
    group: 'Connector',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'Connection URLs',
  },
  {
    name: 'connection.username',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      'The username used to authenticate with Elasticsearch. The default is the null, and authentication will only be performed if  both the username and password are non-null.',
    group: 'Connector',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Connection Username',
  },
  {
    name: 'connection.password',
    type: 'PASSWORD',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      'The password used to authenticate with Elasticsearch. The default is the null, and authentication will only be performed if  both the username and password are non-null.',
    group: 'Connector',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Connection Password',
  },
  {
    name: 'external.resource.usage',
    type: 'STRING',
    defaultValue: 'DISABLED',
    validator: ENUMS.ExternalResourceUsage,
    importance: 'HIGH',
    documentation:
      'The type of resource the connector writes to, such as indices, datastreams or aliases. Valid options are INDEX, DATASTREAM, ALIAS_INDEX, ALIAS_DATASTREAM, and DISABLED. When set to DISABLED, the connector will auto-create indices or datastreams based on the topic name and datastream configurations',
    group: 'Connector',
    orderInGroup: 4,
    width: 'SHORT',
    displayName: 'External Resource Usage',
    recommender: ENUMS.ExternalResourceUsage,
  },
  {
    name: 'topic.to.external.resource.mapping',
    type: 'LIST',
    defaultValue: '',
    importance: 'HIGH',
    documentation:
      "A list of topic-to-resource mappings in the format 'topic:resource'. If specified, the connector will use the provided resource name (index, data stream, or alias) instead of the topic name for writing to Elasticsearch. The resource must exist in Elasticsearch before configuring the connector. The type of resource (index, data stream, or alias) is determined by the 'external.resource.usage' configuration.",
    group: 'Connector',
    orderInGroup: 5,
    width: 'LONG',
    displayName: 'Topic to External Resource Mapping',
  },
  {
    name: 'max.external.resource.mappings',
    type: 'INT',
    defaultValue: 15,
    validator: Range.atLeast(1),
    importance: 'MEDIUM',
    documentation: 'The maximum number of topic-to-external-resource mappings allowed.',
    group: 'Connector',
    orderInGroup: 6,
    width: 'SHORT',
    displayName: 'Maximum External Resource Mappings',
  },
  {
    name: 'data.stream.type',
    type: 'STRING',
    defaultValue: 'NONE',
    importance: 'LOW',
    documentation:
      'Generic type describing the data to be written to data stream. The default is NONE which indicates the connector will write to regular indices instead. If set, this configuration will be used alongside data.stream.dataset and data.stream.namespace to construct the data stream name in the form of {``data.stream.type``}-{``data.stream.dataset``}-{``data.stream.namespace``}. Custom index templates defined in the destination cluster are supported.',
    group: 'Connector',
    orderInGroup: 7,
    width: 'SHORT',
    displayName: 'Data Stream Type',
    recommender: ENUMS.DataStreamType,
  },
  {
    name: 'data.stream.dataset',
    type: 'STRING',
    defaultValue: '',
    validator: dataStreamNameValidator('dataset'),
    importance: 'LOW',
    documentation:
      'Generic name describing data ingested and its structure to be written to a data stream. Can be any arbitrary string that is no longer than 100 characters, is in all lowercase, and does not contain spaces or any of these special characters ``/\\*"<>|,#:-``. Otherwise, no value indicates the connector will write to regular indices instead. If set, this configuration will be used alongside ``data.stream.type`` and ``data.stream.namespace`` to construct the data stream name in the form of {``data.stream.type``}-{``data.stream.dataset``}-{``data.stream.namespace``}.',
    group: 'Connector',
    orderInGroup: 8,
    width: 'MEDIUM',
    displayName: 'Data Stream Dataset',
  },
  {
    name: 'data.stream.namespace',
    type: 'STRING',
    defaultValue: '${topic}',
    validator: dataStreamNameValidator('namespace'),
    importance: 'LOW',
    documentation:
      'Generic name describing user-configurable arbitrary grouping to be written to a data stream. Can be any arbitrary string that is no longer than 100 characters,  is in all lowercase, and does not contain spaces or any of these special characters ``/\\*"<>|,#:-``. Otherwise, no value indicates the connector will write to regular indices instead. If set, this configuration will be used alongside ``data.stream.type`` and ``data.stream.dataset`` to construct the data stream name inthe form of {``data.stream.type``}-{``data.stream.dataset``}-{``data.stream.namespace``}. Defaut value is ``${topic}``, that is to say the topic name.',
    group: 'Connector',
    orderInGroup: 9,
    width: 'MEDIUM',
    displayName: 'Data Stream Namespace',
  },
  {
    name: 'data.stream.timestamp.field',
    type: 'LIST',
    defaultValue: '',
    importance: 'LOW',
    documentation:
      'The Kafka record field to use as the timestamp for the ``@timestamp`` field in documents sent to a data stream.\n All documents sent to a data stream needs an ``@timestamp`` field with values of type ``date`` or ``data_nanos``. Otherwise, the document will not be sent. If multiple fields are provided, the first field listed that also appears in the record will be used. If this configuration is left empty, all of the documents will use the Kafka record timestamp as the ``@timestamp`` field value. Note that ``@timestamp`` still needs to be explicitly listed if records already contain this field. This configuration can only be set if ``data.stream.type`` and ``data.stream.dataset`` are set.',
    group: 'Connector',
    orderInGroup: 10,
    width: 'LONG',
    displayName: 'Data Stream Timestamp Field',
  },
  {
    name: 'batch.size',
    type: 'INT',
    defaultValue: 2000,
    validator: Range.between(1, 1000000),
    importance: 'MEDIUM',
    documentation: 'The number of records to process as a batch when writing to Elasticsearch.',
    group: 'Connector',
    orderInGroup: 11,
    width: 'SHORT',
    displayName: 'Batch Size',
  },
  {
    name: 'bulk.size.bytes',
    type: 'LONG',
    defaultValue: 5242880,
    validator: Range.between(-1, 2147483647),
    importance: 'LOW',
    documentation:
      "The maximum size (in bytes) to be process as a batch when writing records to Elasticsearch. Setting to '-1' will disable this configuration. If the condition set by 'batch.size' is met first, it will be used instead.",
    group: 'Connector',
    orderInGroup: 12,
    width: 'SHORT',
    displayName: 'Bulk Size (bytes)',
  },
  {
    name: 'max.in.flight.requests',
    type: 'INT',
    defaultValue: 5,
    validator: Range.between(1, 1000),
    importance: 'MEDIUM',
    documentation:
      'The maximum number of indexing requests that can be in-flight to Elasticsearch before blocking further requests.',
    group: 'Connector',
    orderInGroup: 13,
    width: 'SHORT',
    displayName: 'Max In-flight Requests',
  },
  {
    name: 'max.buffered.records',
    type: 'INT',
    defaultValue: 20000,
    validator: Range.between(1, 2147483647),
    importance: 'LOW',
    documentation:
      'The maximum number of records each task will buffer before blocking acceptance of more records. This config can be used to limit the memory usage for each task.',
    group: 'Connector',
    orderInGroup: 14,
    width: 'SHORT',
    displayName: 'Max Buffered Records',
  },
  {
    name: 'linger.ms',
    type: 'LONG',
    defaultValue: 1,
    validator: Range.between(0, 604800000),
    importance: 'LOW',
    documentation:
      'Linger time in milliseconds for batching.\nRecords that arrive in between request transmissions are batched into a single bulk indexing request, based on the ``batch.size`` configuration. Normally this only occurs under load when records arrive faster than they can be sent out. However it may be desirable to reduce the number of requests even under light load and benefit from bulk indexing. This setting helps accomplish that - when a pending batch is not full, rather than immediately sending it out the task will wait up to the given delay to allow other records to be added so that they can be batched into a single request.',
    group: 'Connector',
    orderInGroup: 15,
    width: 'SHORT',
    displayName: 'Linger (ms)',
  },
  {
    name: 'flush.timeout.ms',
    type: 'LONG',
    defaultValue: 180000,
    validator: Range.between(1000, 604800000),
    importance: 'LOW',
    documentation:
      'The timeout in milliseconds to use for periodic flushing, and when waiting for buffer space to be made available by completed requests as records are added. If this timeout is exceeded the task will fail.',
    group: 'Connector',
    orderInGroup: 16,
    width: 'SHORT',
    displayName: 'Flush Timeout (ms)',
  },
  {
    name: 'flush.synchronously',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation:
      'True if flushes should wait for background processing to finish. This has a throughput penalty and makes the connector less responsive but allows for topic-mutating SMTs (e.g. RegexRouter or TimestampRouter)',
    group: 'Connector',
    orderInGroup: 17,
    width: 'SHORT',
    displayName: 'Flush synchronously',
  },
  {
    name: 'max.retries',
    type: 'INT',
    defaultValue: 5,
    validator: Range.between(0, 2147483647),
    importance: 'LOW',
    documentation:
      'The maximum number of retries that are allowed for failed indexing requests. If the retry attempts are exhausted the task will fail.',
    group: 'Connector',
    orderInGroup: 18,
    width: 'SHORT',
    displayName: 'Max Retries',
  },
  {
    name: 'retry.backoff.ms',
    type: 'LONG',
    defaultValue: 100,
    validator: Range.between(0, 86400000),
    importance: 'LOW',
    documentation:
      'How long to wait in milliseconds before attempting the first retry of a failed indexing request. Upon a failure, this connector may wait up to twice as long as the previous wait, up to the maximum number of retries. This avoids retrying in a tight loop under failure scenarios.',
    group: 'Connector',
    orderInGroup: 19,
    width: 'SHORT',
    displayName: 'Retry Backoff (ms)',
  },
  {
    name: 'connection.compression',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation:
      'Whether to use GZip compression on HTTP connection to ElasticSearch. Valid options are ``true`` and ``false``. Default is ``false``. To make this setting to work the ``http.compression`` setting also needs to be enabled at the Elasticsearch nodes or the load-balancer before using it.',
    group: 'Connector',
    orderInGroup: 20,
    width: 'SHORT',
    displayName: 'Compression',
  },
  {
    name: 'max.connection.idle.time.ms',
    type: 'INT',
    defaultValue: 60000,
    validator: Range.between(-1, 86400000),
    importance: 'LOW',
    documentation:
      'How long to wait in milliseconds before dropping an idle connection to prevent a read timeout.',
    group: 'Connector',
    orderInGroup: 21,
    width: 'SHORT',
    displayName: 'Max Connection Idle Time',
  },
  {
    name: 'connection.timeout.ms',
    type: 'INT',
    defaultValue: 1000,
    validator: Range.between(0, 43200000),
    importance: 'LOW',
    documentation:
      'How long to wait in milliseconds when establishing a connection to the Elasticsearch server. The task fails if the client fails to connect to the server in this interval, and will need to be restarted.',
    group: 'Connector',
    orderInGroup: 22,
    width: 'SHORT',
    displayName: 'Connection Timeout',
  },
  {
    name: 'read.timeout.ms',
    type: 'INT',
    defaultValue: 3000,
    validator: Range.between(0, 604800000),
    importance: 'LOW',
    documentation:
      'How long to wait in milliseconds for the Elasticsearch server to send a response. The task fails if any read operation times out, and will need to be restarted to resume further operations.',
    group: 'Connector',
    orderInGroup: 23,
    width: 'SHORT',
    displayName: 'Read Timeout',
  },
  {
    name: 'key.ignore',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'HIGH',
    documentation:
      "Whether to ignore the record key for the purpose of forming the Elasticsearch document ID. When this is set to ``true``, document IDs will be generated as the record's ``topic+partition+offset``.\n Note that this is a global config that applies to all topics, use ``topic.key.ignore`` to override as ``true`` for specific topics.",
    group: 'Data Conversion',
    orderInGroup: 1,
    width: 'SHORT',
    displayName: 'Ignore Key mode',
  },
  {
    name: 'schema.ignore',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation:
      'Whether to ignore schemas during indexing. When this is set to ``true``, the record schema will be ignored for the purpose of registering an Elasticsearch mapping. Elasticsearch will infer the mapping from the data (dynamic mapping needs to be enabled by the user).\n Note that this is a global config that applies to all topics, use ``topic.schema.ignore`` to override as ``true`` for specific topics.',
    group: 'Data Conversion',
    orderInGroup: 2,
    width: 'SHORT',
    displayName: 'Ignore Schema mode',
  },
  {
    name: 'compact.map.entries',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation:
      'Defines how map entries with string keys within record values should be written to JSON. When this is set to ``true``, these entries are written compactly as ``"entryKey": "entryValue"``. Otherwise, map entries with string keys are written as a nested document ``{"key": "entryKey", "value": "entryValue"}``. All map entries with non-string keys are always written as nested documents. Prior to 3.3.0, this connector always wrote map entries as nested documents, so set this to ``false`` to use that older behavior.',
    group: 'Data Conversion',
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Compact Map Entries',
  },
  {
    name: 'topic.key.ignore',
    type: 'LIST',
    defaultValue: '',
    importance: 'LOW',
    documentation: 'List of topics for which ``key.ignore`` should be ``true``.',
    group: 'Data Conversion',
    orderInGroup: 4,
    width: 'LONG',
    displayName: "Topics for 'Ignore Key' mode",
  },
  {
    name: 'topic.schema.ignore',
    type: 'LIST',
    defaultValue: '',
    importance: 'LOW',
    documentation: 'List of topics for which ``schema.ignore`` should be ``true``.',
    group: 'Data Conversion',
    orderInGroup: 5,
    width: 'LONG',
    displayName: "Topics for 'Ignore Schema' mode",
  },
  {
    name: 'drop.invalid.message',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation: 'Whether to drop kafka message when it cannot be converted to output message.',
    group: 'Data Conversion',
    orderInGroup: 6,
    width: 'LONG',
    displayName: 'Drop invalid messages',
  },
  {
    name: 'behavior.on.null.values',
    type: 'STRING',
    defaultValue: 'FAIL',
    validator: ENUMS.BehaviorOnNullValues,
    importance: 'LOW',
    documentation:
      "How to handle records with a non-null key and a null value (i.e. Kafka tombstone records). Valid options are 'ignore', 'delete', and 'fail'.",
    group: 'Data Conversion',
    orderInGroup: 7,
    width: 'SHORT',
    displayName: 'Behavior for null-valued records',
    recommender: ENUMS.BehaviorOnNullValues,
  },
  {
    name: 'behavior.on.malformed.documents',
    type: 'STRING',
    defaultValue: 'FAIL',
    validator: ENUMS.BehaviorOnMalformedDoc,
    importance: 'LOW',
    documentation:
      "How to handle records that Elasticsearch rejects due to some malformation of the document itself, such as an index mapping conflict, a field name containing illegal characters, or a record with a missing id. Valid options are ignore', 'warn', and 'fail'.",
    group: 'Data Conversion',
    orderInGroup: 8,
    width: 'SHORT',
    displayName: 'Behavior on malformed documents',
    recommender: ENUMS.BehaviorOnMalformedDoc,
  },
  {
    name: 'external.version.header',
    type: 'STRING',
    defaultValue: '',
    importance: 'LOW',
    documentation:
      'Header name to pull value for external versioning, defaults to using the kafka record offset.  Must have a numeric value.',
    group: 'Data Conversion',
    orderInGroup: 9,
    width: 'SHORT',
    displayName: 'External Version Header Name',
  },
  {
    name: 'write.method',
    type: 'STRING',
    defaultValue: 'INSERT',
    validator: ENUMS.WriteMethod,
    importance: 'LOW',
    documentation:
      'Method used for writing data to Elasticsearch, and one of INSERT or UPSERT. The default method is INSERT, in which the connector constructs a document from the record value and inserts that document into Elasticsearch, completely replacing any existing document with the same ID; this matches previous behavior. The UPSERT method will create a new document if one with the specified ID does not yet exist, or will update an existing document with the same ID by adding/replacing only those fields present in the record value. The UPSERT method may require additional time and resources of Elasticsearch, so consider increasing the read.timeout.ms and decreasing the batch.size configuration properties.',
    group: 'Data Conversion',
    orderInGroup: 10,
    width: 'SHORT',
    displayName: 'Write Method',
    recommender: ENUMS.WriteMethod,
  },
  {
    name: 'use.autogenerated.ids',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'MEDIUM',
    documentation:
      'Whether to use auto-generated Elasticsearch document IDs for insertion requests. Note that this setting removes exactly once guarantees and message delivery will be at least once. Only applies if write.method is set to INSERT.When this is set to ``true``, ``key.ignore`` option will also be ignored when sending data to Elasticsearch',
    group: 'Connector',
    orderInGroup: 11,
    width: 'SHORT',
    displayName: 'Elasticsearch Generated IDs',
  },
  {
    name: 'proxy.host',
    type: 'STRING',
    defaultValue: '',
    importance: 'LOW',
    documentation:
      'The address of the proxy host to connect through. Supports the basic authentication scheme only.',
    group: 'Proxy',
    orderInGroup: 0,
    width: 'LONG',
    displayName: 'Proxy Host',
  },
  {
    name: 'proxy.port',
    type: 'INT',
    defaultValue: 8080,
    validator: Range.between(1, 65535),
    importance: 'LOW',
    documentation: 'The port of the proxy host to connect through.',
    group: 'Proxy',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'Proxy Port',
  },
  {
    name: 'proxy.username',
    type: 'STRING',
    defaultValue: '',
    importance: 'LOW',
    documentation: 'The username for the proxy host.',
    group: 'Proxy',
    orderInGroup: 2,
    width: 'LONG',
    displayName: 'Proxy Username',
  },
  {
    name: 'proxy.password',
    type: 'PASSWORD',
    defaultValue: null,
    importance: 'LOW',
    documentation: 'The password for the proxy host.',
    group: 'Proxy',
    orderInGroup: 3,
    width: 'LONG',
    displayName: 'Proxy Password',
  },
  {
    name: 'elastic.security.protocol',
    type: 'STRING',
    defaultValue: 'PLAINTEXT',
    validator: ENUMS.SecurityProtocol,
    importance: 'MEDIUM',
    documentation:
      'The security protocol to use when connecting to Elasticsearch. Values can be `PLAINTEXT` or `SSL`. If `PLAINTEXT` is passed, all configs prefixed by elastic.https. will be ignored.',
    group: 'Security',
    orderInGroup: 1,
    width: 'SHORT',
    displayName: 'Security protocol',
    recommender: ENUMS.SecurityProtocol,
  },
  {
    name: 'kerberos.user.principal',
    type: 'STRING',
    defaultValue: null,
    importance: 'LOW',
    documentation: 'The Kerberos user principal the connector may use to authenticate with Kerberos.',
    group: 'Kerberos',
    orderInGroup: 0,
    width: 'LONG',
    displayName: 'Kerberos User Principal',
  },
  {
    name: 'kerberos.keytab.path',
    type: 'STRING',
    defaultValue: null,
    validator: filePathValidator('keytab'),
    importance: 'LOW',
    documentation: 'The path to the keytab file to use for authentication with Kerberos.',
    group: 'Kerberos',
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'Kerberos Keytab File Path',
  },
];

export function elasticsearchSinkConfigDef(): ConfigDef {
  const def = new ConfigDef();
  for (const k of KEYS) {
    def.define(k);
    // addSslConfigs: Kafka's client SSL keys embedded right after elastic.security.protocol
    if (k.name === 'elastic.security.protocol')
      def.embed('elastic.https.', 'Security', def.configKeys().size + 2, clientSslConfigDef());
  }
  return def;
}
