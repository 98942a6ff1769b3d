/**
 * The framework ConfigDefs of Connect 4.4: ConnectorConfig (common to every connector),
 * SinkConnectorConfig and SourceConnectorConfig, with Connect's names, docs, defaults, validators,
 * groups and orders (checked against the real 4.4.0 worker's REST output).
 *
 * Connect 4.4 defaults depend on the worker: connector.plugin.version defaults to the connector's
 * version, key/value/header.converter to the worker's converters (only while validating; the
 * GET /connector-plugins/{p}/config listing shows null), and *.plugin.version to those plugins' versions.
 */
import { ConfigDef } from './config-def';
import type { Recommender } from './config-def';
import { ConfigException } from './config-exception';
import {
  CaseInsensitiveValidString,
  CompositeValidator,
  LambdaValidator,
  NonEmptyString,
  NonEmptyStringWithoutControlChars,
  NonNullValidator,
  Range,
  RegexValidator,
  ValidString,
} from './validators';
import type { Validator } from './validators';
import { javaToString } from './java-compat';

export const COMMON_GROUP = 'Common';
export const TRANSFORMS_GROUP = 'Transforms';
export const PREDICATES_GROUP = 'Predicates';
export const ERROR_GROUP = 'Error Handling';
export const TOPIC_CREATION_GROUP = 'Topic Creation';
export const EXACTLY_ONCE_SUPPORT_GROUP = 'Exactly Once Support';
export const OFFSETS_TOPIC_GROUP = 'offsets.topic';

export const NAME_CONFIG = 'name';
export const CONNECTOR_CLASS_CONFIG = 'connector.class';
export const CONNECTOR_VERSION_CONFIG = 'connector.plugin.version';
export const TASKS_MAX_CONFIG = 'tasks.max';
export const TASKS_MAX_ENFORCE_CONFIG = 'tasks.max.enforce';
export const KEY_CONVERTER_CLASS_CONFIG = 'key.converter';
export const KEY_CONVERTER_VERSION_CONFIG = 'key.converter.plugin.version';
export const VALUE_CONVERTER_CLASS_CONFIG = 'value.converter';
export const VALUE_CONVERTER_VERSION_CONFIG = 'value.converter.plugin.version';
export const HEADER_CONVERTER_CLASS_CONFIG = 'header.converter';
export const HEADER_CONVERTER_VERSION_CONFIG = 'header.converter.plugin.version';
export const TRANSFORMS_CONFIG = 'transforms';
export const PREDICATES_CONFIG = 'predicates';
export const CONFIG_RELOAD_ACTION_CONFIG = 'config.action.reload';
export const ERRORS_RETRY_TIMEOUT_CONFIG = 'errors.retry.timeout';
export const ERRORS_RETRY_MAX_DELAY_CONFIG = 'errors.retry.delay.max.ms';
export const ERRORS_TOLERANCE_CONFIG = 'errors.tolerance';
export const ERRORS_LOG_ENABLE_CONFIG = 'errors.log.enable';
export const ERRORS_LOG_INCLUDE_MESSAGES_CONFIG = 'errors.log.include.messages';
export const CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX = 'producer.override.';
export const CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX = 'consumer.override.';
export const CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX = 'admin.override.';

export const TOPICS_CONFIG = 'topics';
export const TOPICS_REGEX_CONFIG = 'topics.regex';
export const DLQ_TOPIC_NAME_CONFIG = 'errors.deadletterqueue.topic.name';
export const DLQ_TOPIC_REPLICATION_FACTOR_CONFIG = 'errors.deadletterqueue.topic.replication.factor';
export const DLQ_CONTEXT_HEADERS_ENABLE_CONFIG = 'errors.deadletterqueue.context.headers.enable';

export const TOPIC_CREATION_PREFIX = 'topic.creation.';
export const TOPIC_CREATION_GROUPS_CONFIG = 'topic.creation.groups';
export const EXACTLY_ONCE_SUPPORT_CONFIG = 'exactly.once.support';
export const TRANSACTION_BOUNDARY_CONFIG = 'transaction.boundary';
export const TRANSACTION_BOUNDARY_INTERVAL_CONFIG = 'transaction.boundary.interval.ms';
export const OFFSETS_TOPIC_CONFIG = 'offsets.storage.topic';

const CONVERTER_DOC = (what: string): string =>
  'Converter class used to convert between Kafka Connect format and the serialized form that is written to Kafka. ' +
  `This controls the format of the ${what} in messages written to or read from Kafka, and since this is independent ` +
  'of connectors it allows any connector to work with any serialization format. Examples of common formats include JSON and Avro.';

const HEADER_CONVERTER_DOC =
  'HeaderConverter class used to convert between Kafka Connect format and the serialized form that is written to Kafka. ' +
  'This controls the format of the header values in messages written to or read from Kafka, and since this is ' +
  'independent of connectors it allows any connector to work with any serialization format. Examples of common ' +
  'formats include JSON and Avro. By default, the SimpleHeaderConverter is used to serialize header values to ' +
  'strings and deserialize them by inferring the schemas.';

export const DOCS = {
  name: 'Globally unique name to use for this connector.',
  connectorClass:
    'Name or alias of the class for this connector. Must be a subclass of org.apache.kafka.connect.connector.Connector. ' +
    'If the connector is org.apache.kafka.connect.file.FileStreamSinkConnector, you can either specify this full name, ' +
    ' or use "FileStreamSink" or "FileStreamSinkConnector" to make the configuration a bit shorter',
  connectorVersion: 'Version of the connector.',
  tasksMax: 'Maximum number of tasks to use for this connector.',
  tasksMaxEnforce:
    '(Deprecated) Whether to enforce that the tasks.max property is respected by the connector. By default, connectors ' +
    'that generate too many tasks will fail, and existing sets of tasks that exceed the tasks.max property will also be ' +
    'failed. If this property is set to false, then connectors will be allowed to generate more than the maximum number ' +
    'of tasks, and existing sets of tasks that exceed the tasks.max property will be allowed to run. This property is ' +
    'deprecated and will be removed in an upcoming major release.',
  transforms: 'Aliases for the transformations to be applied to records.',
  predicates: 'Aliases for the predicates used by transformations.',
  configReloadAction:
    "The action that Connect should take on the connector when changes in external configuration providers result in a change in the connector's configuration properties. " +
    "A value of 'none' indicates that Connect will do nothing. A value of 'restart' indicates that Connect should restart/reload the connector with the updated configuration properties." +
    'The restart may actually be scheduled in the future if the external configuration provider indicates that a configuration value will expire in the future.',
  errorsRetryTimeout:
    'The maximum duration in milliseconds that a failed operation will be reattempted. The default is 0, which means no retries will be attempted. Use -1 for infinite retries.',
  errorsRetryMaxDelay:
    'The maximum duration in milliseconds between consecutive retry attempts. Jitter will be added to the delay once this limit is reached to prevent thundering herd issues.',
  errorsTolerance:
    "Behavior for tolerating errors during connector operation. 'none' is the default value and signals that any error will result in an immediate connector task failure; 'all' changes the behavior to skip over problematic records.",
  errorsLogEnable:
    "If true, write each error and the details of the failed operation and problematic record to the Connect application log. This is 'false' by default, so that only errors that are not tolerated are reported.",
  errorsLogIncludeMessages:
    'Whether to include in the log the Connect record that resulted in a failure. For sink records, the topic, partition, offset, and timestamp will be logged. ' +
    'For source records, the key and value (and their schemas), all headers, and the timestamp, Kafka topic, Kafka partition, source partition, and source offset will be logged. ' +
    "This is 'false' by default, which will prevent record keys, values, and headers from being written to log files.",
  topics: 'List of topics to consume, separated by commas',
  topicsRegex:
    'Regular expression giving topics to consume. Under the hood, the regex is compiled to a <code>java.util.regex.Pattern</code>. Only one of topics or topics.regex should be specified.',
  dlqTopicName:
    'The name of the topic to be used as the dead letter queue (DLQ) for messages that result in an error when processed by this sink connector, or its transformations or converters. ' +
    'The topic name is blank by default, which means that no messages are to be recorded in the DLQ.',
  dlqReplicationFactor:
    "Replication factor used to create the dead letter queue topic when it doesn't already exist.",
  dlqContextHeaders:
    'If true, add headers containing error context to the messages written to the dead letter queue. To avoid clashing with headers from the original record, ' +
    'all error context header keys, all error context header keys will start with <code>__connect.errors.</code>',
  topicCreationGroups: 'Groups of configurations for topics created by source connectors',
  exactlyOnceSupport:
    'Permitted values are requested, required. If set to "required", forces a preflight check for the connector to ensure that it can provide exactly-once semantics with the given configuration. ' +
    'Some connectors may be capable of providing exactly-once semantics but not signal to Connect that they support this; in that case, documentation for the connector should be consulted carefully before creating it, ' +
    'and the value for this property should be set to "requested". Additionally, if the value is set to "required" but the worker that performs preflight validation does not have exactly-once support enabled for source connectors, ' +
    'requests to create or validate the connector will fail.',
  transactionBoundary:
    "Permitted values are: poll, interval, connector. If set to 'poll', a new producer transaction will be started and committed for every batch of records that each task from this connector provides to Connect. " +
    "If set to 'connector', relies on connector-defined transaction boundaries; note that not all connectors are capable of defining their own transaction boundaries, and in that case, attempts to instantiate a connector with this value will fail. " +
    "Finally, if set to 'interval', commits transactions only after a user-defined time interval has passed.",
  transactionBoundaryInterval:
    "If 'transaction.boundary' is set to 'interval', determines the interval for producer transaction commits by connector tasks. If unset, defaults to the value of the worker-level 'offset.flush.interval.ms' property. " +
    'It has no effect if a different transaction.boundary is specified.',
  offsetsTopic:
    'The name of a separate offsets topic to use for this connector. If empty or not specified, the worker\u2019s global offsets topic name will be used. ' +
    "If specified, the offsets topic will be created if it does not already exist on the Kafka cluster targeted by this connector (which may be different from the one used for the worker's global offsets topic if the bootstrap.servers property of the connector's producer has been overridden from the worker's). " +
    'Only applicable in distributed mode; in standalone mode, setting this property will have no effect.',
} as const;

export type VersionedKind = 'connector' | 'converter' | 'header_converter';

/** Worker-dependent defaults and recommendations of the 4.4 ConnectorConfig (all optional). */
export interface FrameworkDefaults {
  /** Default of connector.plugin.version (the connector's version). */
  connectorVersion?: string | null;
  keyConverter?: string | null;
  keyConverterVersion?: string | null;
  valueConverter?: string | null;
  valueConverterVersion?: string | null;
  headerConverter?: string | null;
  headerConverterVersion?: string | null;
  /** Recommended values of key/value.converter (Connect: every installed Converter, sorted). */
  converterClasses?: readonly string[];
  /** Recommended values of header.converter. */
  headerConverterClasses?: readonly string[];
  /** Installed versions of a class as a plugin of that kind (recommended *.plugin.version values); [] when none. */
  versionsOf?: (className: string, kind: VersionedKind) => readonly string[];
  /** CLASS validator for converter keys: throws ConfigException when the class is no (header) converter. */
  converterClassValidator?: Validator | null;
  headerConverterClassValidator?: Validator | null;
}

/** ConnectorConfig.aliasValidator(kind): non-null, no duplicate aliases. */
export function aliasValidator(kind: string): Validator {
  return CompositeValidator.of(
    new NonNullValidator(),
    LambdaValidator.with(
      (name, value) => {
        const aliases = value as unknown[];
        if (aliases.length > new Set(aliases).size)
          throw new ConfigException(name, value, 'Duplicate alias provided.');
      },
      () => `unique ${kind} aliases`,
    ),
  );
}

function listRecommender(values: () => readonly string[]): Recommender {
  return { validValues: () => [...values()], visible: () => true };
}

/** Recommender of a *.plugin.version key: the versions of the class chosen in `classKey`. */
function versionRecommender(
  classKey: string,
  kind: VersionedKind,
  d: FrameworkDefaults,
  fixedClass?: string,
): Recommender {
  const classOf = (parsed: ReadonlyMap<string, unknown>): string | null => {
    if (fixedClass !== undefined) return fixedClass;
    const v = parsed.get(classKey);
    return v === null || v === undefined ? null : (v as { name: string }).name;
  };
  return {
    validValues: (_name, parsed) => {
      const cls = classOf(parsed);
      return cls === null ? [] : [...(d.versionsOf?.(cls, kind) ?? [])];
    },
    visible: (_name, parsed) => classOf(parsed) !== null,
  };
}

/** ConnectorConfig.configDef() of Connect 4.4. */
export function connectorConfigDef(d: FrameworkDefaults = {}, connectorClass?: string): ConfigDef {
  let order = 0;
  let errOrder = 0;
  return new ConfigDef()
    .define({
      name: NAME_CONFIG,
      type: 'STRING',
      validator: NonEmptyStringWithoutControlChars.nonEmptyStringWithoutControlChars(),
      importance: 'HIGH',
      documentation: DOCS.name,
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'MEDIUM',
      displayName: 'Connector name',
    })
    .define({
      name: CONNECTOR_CLASS_CONFIG,
      type: 'STRING',
      importance: 'HIGH',
      documentation: DOCS.connectorClass,
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: 'Connector class',
    })
    .define({
      name: CONNECTOR_VERSION_CONFIG,
      type: 'STRING',
      defaultValue: d.connectorVersion ?? null,
      importance: 'MEDIUM',
      documentation: DOCS.connectorVersion,
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'MEDIUM',
      displayName: 'Connector version',
      recommender:
        connectorClass === undefined
          ? null
          : versionRecommender(CONNECTOR_CLASS_CONFIG, 'connector', d, connectorClass),
    })
    .define({
      name: TASKS_MAX_CONFIG,
      type: 'INT',
      defaultValue: 1,
      validator: Range.atLeast(1),
      importance: 'HIGH',
      documentation: DOCS.tasksMax,
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Tasks max',
    })
    .define({
      name: TASKS_MAX_ENFORCE_CONFIG,
      type: 'BOOLEAN',
      defaultValue: true,
      importance: 'LOW',
      documentation: DOCS.tasksMaxEnforce,
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Enforce tasks max',
    })
    .define({
      name: KEY_CONVERTER_CLASS_CONFIG,
      type: 'CLASS',
      defaultValue: d.keyConverter ?? null,
      validator: d.converterClassValidator ?? null,
      importance: 'LOW',
      documentation: CONVERTER_DOC('keys'),
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Key converter class',
      recommender: d.converterClasses ? listRecommender(() => d.converterClasses ?? []) : null,
    })
    .define({
      name: KEY_CONVERTER_VERSION_CONFIG,
      type: 'STRING',
      defaultValue: d.keyConverterVersion ?? null,
      importance: 'LOW',
      documentation: 'Version of the key converter.',
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Key converter version',
      recommender: d.versionsOf ? versionRecommender(KEY_CONVERTER_CLASS_CONFIG, 'converter', d) : null,
    })
    .define({
      name: VALUE_CONVERTER_CLASS_CONFIG,
      type: 'CLASS',
      defaultValue: d.valueConverter ?? null,
      validator: d.converterClassValidator ?? null,
      importance: 'LOW',
      documentation: CONVERTER_DOC('values'),
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Value converter class',
      recommender: d.converterClasses ? listRecommender(() => d.converterClasses ?? []) : null,
    })
    .define({
      name: VALUE_CONVERTER_VERSION_CONFIG,
      type: 'STRING',
      defaultValue: d.valueConverterVersion ?? null,
      importance: 'LOW',
      documentation: 'Version of the value converter.',
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Value converter version',
      recommender: d.versionsOf ? versionRecommender(VALUE_CONVERTER_CLASS_CONFIG, 'converter', d) : null,
    })
    .define({
      name: HEADER_CONVERTER_CLASS_CONFIG,
      type: 'CLASS',
      defaultValue: d.headerConverter ?? null,
      validator: d.headerConverterClassValidator ?? null,
      importance: 'LOW',
      documentation: HEADER_CONVERTER_DOC,
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Header converter class',
      recommender: d.headerConverterClasses ? listRecommender(() => d.headerConverterClasses ?? []) : null,
    })
    .define({
      name: HEADER_CONVERTER_VERSION_CONFIG,
      type: 'STRING',
      defaultValue: d.headerConverterVersion ?? null,
      importance: 'LOW',
      documentation: 'Version of the header converter.',
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Header converter version',
      recommender: d.versionsOf
        ? versionRecommender(HEADER_CONVERTER_CLASS_CONFIG, 'header_converter', d)
        : null,
    })
    .define({
      name: TRANSFORMS_CONFIG,
      type: 'LIST',
      defaultValue: [],
      validator: aliasValidator('transformation'),
      importance: 'LOW',
      documentation: DOCS.transforms,
      group: TRANSFORMS_GROUP,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: 'Transforms',
    })
    .define({
      name: PREDICATES_CONFIG,
      type: 'LIST',
      defaultValue: [],
      validator: aliasValidator('predicate'),
      importance: 'LOW',
      documentation: DOCS.predicates,
      group: PREDICATES_GROUP,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: 'Predicates',
    })
    .define({
      name: CONFIG_RELOAD_ACTION_CONFIG,
      type: 'STRING',
      defaultValue: 'restart',
      validator: ValidString.in('none', 'restart'),
      importance: 'LOW',
      documentation: DOCS.configReloadAction,
      group: COMMON_GROUP,
      orderInGroup: ++order,
      width: 'MEDIUM',
      displayName: 'Reload Action',
    })
    .define({
      name: ERRORS_RETRY_TIMEOUT_CONFIG,
      type: 'LONG',
      defaultValue: 0n,
      importance: 'MEDIUM',
      documentation: DOCS.errorsRetryTimeout,
      group: ERROR_GROUP,
      orderInGroup: ++errOrder,
      width: 'MEDIUM',
      displayName: 'Retry Timeout for Errors',
    })
    .define({
      name: ERRORS_RETRY_MAX_DELAY_CONFIG,
      type: 'LONG',
      defaultValue: 60000n,
      importance: 'MEDIUM',
      documentation: DOCS.errorsRetryMaxDelay,
      group: ERROR_GROUP,
      orderInGroup: ++errOrder,
      width: 'MEDIUM',
      displayName: 'Maximum Delay Between Retries for Errors',
    })
    .define({
      name: ERRORS_TOLERANCE_CONFIG,
      type: 'STRING',
      defaultValue: 'none',
      validator: ValidString.in('none', 'all'),
      importance: 'MEDIUM',
      documentation: DOCS.errorsTolerance,
      group: ERROR_GROUP,
      orderInGroup: ++errOrder,
      width: 'SHORT',
      displayName: 'Error Tolerance',
    })
    .define({
      name: ERRORS_LOG_ENABLE_CONFIG,
      type: 'BOOLEAN',
      defaultValue: false,
      importance: 'MEDIUM',
      documentation: DOCS.errorsLogEnable,
      group: ERROR_GROUP,
      orderInGroup: ++errOrder,
      width: 'SHORT',
      displayName: 'Log Errors',
    })
    .define({
      name: ERRORS_LOG_INCLUDE_MESSAGES_CONFIG,
      type: 'BOOLEAN',
      defaultValue: false,
      importance: 'MEDIUM',
      documentation: DOCS.errorsLogIncludeMessages,
      group: ERROR_GROUP,
      orderInGroup: ++errOrder,
      width: 'SHORT',
      displayName: 'Log Error Details',
    });
}

/** SinkConnectorConfig.configDef(): ConnectorConfig + topics, topics.regex and the DLQ keys. */
export function sinkConnectorConfigDef(d: FrameworkDefaults = {}, connectorClass?: string): ConfigDef {
  return connectorConfigDef(d, connectorClass)
    .define({
      name: TOPICS_CONFIG,
      type: 'LIST',
      defaultValue: '',
      importance: 'HIGH',
      documentation: DOCS.topics,
      group: COMMON_GROUP,
      orderInGroup: 4,
      width: 'LONG',
      displayName: 'Topics',
    })
    .define({
      name: TOPICS_REGEX_CONFIG,
      type: 'STRING',
      defaultValue: '',
      validator: new RegexValidator(),
      importance: 'HIGH',
      documentation: DOCS.topicsRegex,
      group: COMMON_GROUP,
      orderInGroup: 4,
      width: 'LONG',
      displayName: 'Topics regex',
    })
    .define({
      name: DLQ_TOPIC_NAME_CONFIG,
      type: 'STRING',
      defaultValue: '',
      importance: 'MEDIUM',
      documentation: DOCS.dlqTopicName,
      group: ERROR_GROUP,
      orderInGroup: 6,
      width: 'MEDIUM',
      displayName: 'Dead Letter Queue Topic Name',
    })
    .define({
      name: DLQ_TOPIC_REPLICATION_FACTOR_CONFIG,
      type: 'SHORT',
      defaultValue: 3,
      importance: 'MEDIUM',
      documentation: DOCS.dlqReplicationFactor,
      group: ERROR_GROUP,
      orderInGroup: 7,
      width: 'MEDIUM',
      displayName: 'Dead Letter Queue Topic Replication Factor',
    })
    .define({
      name: DLQ_CONTEXT_HEADERS_ENABLE_CONFIG,
      type: 'BOOLEAN',
      defaultValue: false,
      importance: 'MEDIUM',
      documentation: DOCS.dlqContextHeaders,
      group: ERROR_GROUP,
      orderInGroup: 8,
      width: 'MEDIUM',
      displayName: 'Enable Error Context Headers',
    });
}

/** SourceConnectorConfig.configDef(): ConnectorConfig + topic creation groups, exactly-once keys, offsets topic. */
export function sourceConnectorConfigDef(d: FrameworkDefaults = {}, connectorClass?: string): ConfigDef {
  const atLeastZero = Range.atLeast(0);
  let order = 0;
  return new ConfigDef(connectorConfigDef(d, connectorClass))
    .define({
      name: TOPIC_CREATION_GROUPS_CONFIG,
      type: 'LIST',
      defaultValue: [],
      validator: CompositeValidator.of(
        new NonNullValidator(),
        LambdaValidator.with(
          (name, value) => {
            const groups = value as unknown[];
            if (groups.length > new Set(groups).size)
              throw new ConfigException(name, value, 'Duplicate alias provided.');
          },
          () => 'unique topic creation groups',
        ),
      ),
      importance: 'LOW',
      documentation: DOCS.topicCreationGroups,
      group: TOPIC_CREATION_GROUP,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: 'Topic Creation Groups',
    })
    .define({
      name: EXACTLY_ONCE_SUPPORT_CONFIG,
      type: 'STRING',
      defaultValue: 'requested',
      validator: CaseInsensitiveValidString.in('requested', 'required'),
      importance: 'MEDIUM',
      documentation: DOCS.exactlyOnceSupport,
      group: EXACTLY_ONCE_SUPPORT_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Exactly once support',
    })
    .define({
      name: TRANSACTION_BOUNDARY_CONFIG,
      type: 'STRING',
      defaultValue: 'poll',
      validator: CaseInsensitiveValidString.in('poll', 'interval', 'connector'),
      importance: 'MEDIUM',
      documentation: DOCS.transactionBoundary,
      group: EXACTLY_ONCE_SUPPORT_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Transaction Boundary',
    })
    .define({
      name: TRANSACTION_BOUNDARY_INTERVAL_CONFIG,
      type: 'LONG',
      defaultValue: null,
      validator: LambdaValidator.with(
        (name, value) => {
          if (value !== null && value !== undefined) atLeastZero.ensureValid(name, value);
        },
        () => atLeastZero.toString(),
      ),
      importance: 'LOW',
      documentation: DOCS.transactionBoundaryInterval,
      group: EXACTLY_ONCE_SUPPORT_GROUP,
      orderInGroup: ++order,
      width: 'SHORT',
      displayName: 'Transaction boundary interval',
    })
    .define({
      name: OFFSETS_TOPIC_CONFIG,
      type: 'STRING',
      defaultValue: null,
      validator: new NonEmptyString(),
      importance: 'LOW',
      documentation: DOCS.offsetsTopic,
      group: OFFSETS_TOPIC_GROUP,
      orderInGroup: 1,
      width: 'LONG',
      displayName: 'Offsets topic',
    });
}

/** Value of a parsed CLASS config as a class name (null when unset). */
export function className(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : ((value as { name: string }).name ?? javaToString(value));
}
