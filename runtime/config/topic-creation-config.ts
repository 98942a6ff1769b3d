/**
 * TopicCreationConfig: the per-group keys of source-connector topic creation
 * (topic.creation.<group>.include/exclude/replication.factor/partitions). Connect's validate endpoint
 * does not list them; the worker uses them when it creates topics, and schemas document them.
 */
import { ConfigDef } from './config-def';
import { ConfigException } from './config-exception';
import {
  TOPIC_CREATION_GROUP,
  TOPIC_CREATION_GROUPS_CONFIG,
  TOPIC_CREATION_PREFIX,
} from './connector-config';
import { LambdaValidator, NonNullValidator } from './validators';

export const DEFAULT_TOPIC_CREATION_GROUP = 'default';
export const DEFAULT_TOPIC_CREATION_PREFIX = 'topic.creation.default.';
export const INCLUDE_REGEX_CONFIG = 'include';
export const EXCLUDE_REGEX_CONFIG = 'exclude';
export const REPLICATION_FACTOR_CONFIG = 'replication.factor';
export const PARTITIONS_CONFIG = 'partitions';

const INCLUDE_REGEX_DOC =
  'A list of regular expression literals used to match the topic names used by the source connector. This list is used ' +
  'to include topics that should be created using the topic settings defined by this group.';
const EXCLUDE_REGEX_DOC =
  'A list of regular expression literals used to match the topic names used by the source connector. This list is used ' +
  'to exclude topics from being created with the topic settings defined by this group. ' +
  'Note that exclusion rules have precedent and override any inclusion rules for the topics.';
const REPLICATION_FACTOR_DOC =
  "The replication factor for new topics created for this connector using this group. This value may be -1 to use the broker'sdefault replication factor, " +
  'or may be a positive number not larger than the number of brokers in the Kafka cluster. A value larger than the number of brokers in the Kafka cluster ' +
  'will result in an error when the new topic is created. For the default group this configuration is required. For any other group defined in ' +
  "topic.creation.groups this config is optional and if it's missing it gets the value of the default group";
const PARTITIONS_DOC =
  "The number of partitions new topics created for this connector. This value may be -1 to use the broker's default number of partitions, " +
  'or a positive number representing the desired number of partitions. For the default group this configuration is required. For any ' +
  "other group defined in topic.creation.groups this config is optional and if it's missing it gets the value of the default group";

export const REPLICATION_FACTOR_VALIDATOR = LambdaValidator.with(
  (name, value) => {
    const factor = value as number;
    if (factor !== -1 && factor < 1) {
      throw new ConfigException(
        name,
        factor,
        "Replication factor must be positive and not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default",
      );
    }
  },
  () =>
    "Positive number not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default",
);

export const PARTITIONS_VALIDATOR = LambdaValidator.with(
  (name, value) => {
    const partitions = value as number;
    if (partitions !== -1 && partitions < 1) {
      throw new ConfigException(
        name,
        partitions,
        "Number of partitions must be positive, or -1 to use the broker's default",
      );
    }
  },
  () => "Positive number, or -1 to use the broker's default",
);

export const REGEX_VALIDATOR = LambdaValidator.with(
  (name, value) => {
    for (const r of value as string[]) {
      try {
        new RegExp(r);
      } catch (e) {
        throw new ConfigException(name, value, `Syntax error in regular expression: ${(e as Error).message}`);
      }
    }
  },
  // Connect's text (copied from PARTITIONS_VALIDATOR upstream), kept for identical docs.
  () => "Positive number, or -1 to use the broker's default",
);

/** TopicCreationConfig.configDef(group, defaultReplicationFactor, defaultPartitionCount). */
export function topicCreationGroupConfigDef(
  group: string,
  defaultReplicationFactor: number,
  defaultPartitions: number,
): ConfigDef {
  let order = 0;
  return new ConfigDef()
    .define({
      name: INCLUDE_REGEX_CONFIG,
      type: 'LIST',
      defaultValue: [],
      validator: REGEX_VALIDATOR,
      importance: 'LOW',
      documentation: INCLUDE_REGEX_DOC,
      group,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: `Inclusion Topic Pattern for ${group}`,
    })
    .define({
      name: EXCLUDE_REGEX_CONFIG,
      type: 'LIST',
      defaultValue: [],
      validator: REGEX_VALIDATOR,
      importance: 'LOW',
      documentation: EXCLUDE_REGEX_DOC,
      group,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: `Exclusion Topic Pattern for ${group}`,
    })
    .define({
      name: REPLICATION_FACTOR_CONFIG,
      type: 'SHORT',
      defaultValue: defaultReplicationFactor,
      validator: REPLICATION_FACTOR_VALIDATOR,
      importance: 'LOW',
      documentation: REPLICATION_FACTOR_DOC,
      group,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: `Replication Factor for Topics in ${group}`,
    })
    .define({
      name: PARTITIONS_CONFIG,
      type: 'INT',
      defaultValue: defaultPartitions,
      validator: PARTITIONS_VALIDATOR,
      importance: 'LOW',
      documentation: PARTITIONS_DOC,
      group,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: `Partition Count for Topics in ${group}`,
    });
}

/** TopicCreationConfig.defaultGroupConfigDef(): replication.factor and partitions are required. */
export function defaultTopicCreationGroupConfigDef(): ConfigDef {
  const g = DEFAULT_TOPIC_CREATION_GROUP;
  let order = 0;
  return new ConfigDef()
    .define({
      name: INCLUDE_REGEX_CONFIG,
      type: 'LIST',
      defaultValue: '.*',
      validator: new NonNullValidator(),
      importance: 'LOW',
      documentation: INCLUDE_REGEX_DOC,
      group: g,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: `Inclusion Topic Pattern for ${g}`,
    })
    .define({
      name: EXCLUDE_REGEX_CONFIG,
      type: 'LIST',
      defaultValue: [],
      validator: new NonNullValidator(),
      importance: 'LOW',
      documentation: EXCLUDE_REGEX_DOC,
      group: g,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: `Exclusion Topic Pattern for ${g}`,
    })
    .define({
      name: REPLICATION_FACTOR_CONFIG,
      type: 'SHORT',
      validator: REPLICATION_FACTOR_VALIDATOR,
      importance: 'LOW',
      documentation: REPLICATION_FACTOR_DOC,
      group: g,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: `Replication Factor for Topics in ${g}`,
    })
    .define({
      name: PARTITIONS_CONFIG,
      type: 'INT',
      validator: PARTITIONS_VALIDATOR,
      importance: 'LOW',
      documentation: PARTITIONS_DOC,
      group: g,
      orderInGroup: ++order,
      width: 'LONG',
      displayName: `Partition Count for Topics in ${g}`,
    });
}

/** SourceConnectorConfig.embedDefaultGroup: base + topic.creation.default.* keys (group "default"). */
export function embedDefaultGroup(base: ConfigDef): ConfigDef {
  const def = new ConfigDef(base);
  def.embed(
    DEFAULT_TOPIC_CREATION_PREFIX,
    DEFAULT_TOPIC_CREATION_GROUP,
    0,
    defaultTopicCreationGroupConfigDef(),
  );
  return def;
}

/** SourceConnectorConfig.enrich: one embedded group per alias of topic.creation.groups ("default" skipped). */
export function enrichTopicCreationGroups(
  base: ConfigDef,
  props: Readonly<Record<string, string | null>>,
  defaultReplicationFactor: number,
  defaultPartitions: number,
): ConfigDef {
  const parsed = ConfigDef.parseType(
    TOPIC_CREATION_GROUPS_CONFIG,
    props[TOPIC_CREATION_GROUPS_CONFIG],
    'LIST',
  );
  const groups = Array.isArray(parsed)
    ? (parsed as string[]).filter((g) => g !== DEFAULT_TOPIC_CREATION_GROUP)
    : [];
  const def = new ConfigDef(base);
  for (const alias of new Set(groups)) {
    const configGroup = `${TOPIC_CREATION_GROUP}: ${alias}`;
    def.embed(
      `${TOPIC_CREATION_PREFIX}${alias}.`,
      configGroup,
      0,
      topicCreationGroupConfigDef(configGroup, defaultReplicationFactor, defaultPartitions),
    );
  }
  return def;
}

/** SourceConnectorConfig.usesTopicCreation: any key starting with "topic.creation.". */
export function usesTopicCreation(props: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(props).some((k) => k.startsWith(TOPIC_CREATION_PREFIX));
}
