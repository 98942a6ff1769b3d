/**
 * SinkConnectorConfig.validate(props, validatedConfig): the cross-key checks of sink connectors
 * (topics vs topics.regex, DLQ topic not consumed by the connector itself).
 */
import { ConfigDef } from './config-def';
import { ConfigException } from './config-exception';
import { ConfigValue } from './config-value';
import { DLQ_TOPIC_NAME_CONFIG, TOPICS_CONFIG, TOPICS_REGEX_CONFIG } from './connector-config';
import { isBlank, javaTrim } from './java-compat';

type Props = Readonly<Record<string, string | null>>;

function addErrorMessage(
  validated: Map<string, ConfigValue>,
  name: string,
  value: string | null,
  message: string,
): void {
  let v = validated.get(name);
  if (!v) {
    v = new ConfigValue(name, value, [], []);
    validated.set(name, v);
  }
  v.addErrorMessage(message);
}

/** SinkConnectorConfig.parseTopicsList: non-empty, distinct entries of `topics`. */
export function parseTopicsList(props: Props): string[] {
  const topics = ConfigDef.parseType(TOPICS_CONFIG, props[TOPICS_CONFIG], 'LIST') as string[] | null;
  if (!topics) return [];
  return [...new Set(topics.filter((t) => t.length > 0))];
}

export function hasTopicsConfig(props: Props): boolean {
  return !isBlank(props[TOPICS_CONFIG]);
}

export function hasDlqTopicConfig(props: Props): boolean {
  return !isBlank(props[DLQ_TOPIC_NAME_CONFIG]);
}

/** Adds the sink cross-key errors to `validated` (creating ConfigValues when missing, as Java's computeIfAbsent). */
export function validateSinkConnectorConfig(props: Props, validated: Map<string, ConfigValue>): void {
  const topicsList = props[TOPICS_CONFIG] ?? null;
  const topicsRegex = props[TOPICS_REGEX_CONFIG] ?? null;
  const dlqTopic = javaTrim(props[DLQ_TOPIC_NAME_CONFIG] ?? '');
  const hasTopics = !isBlank(topicsList);
  const hasRegex = !isBlank(topicsRegex);
  const hasDlq = !isBlank(dlqTopic);

  if (hasTopics && hasRegex) {
    const msg = `${TOPICS_CONFIG} and ${TOPICS_REGEX_CONFIG} are mutually exclusive options, but both are set.`;
    addErrorMessage(validated, TOPICS_CONFIG, topicsList, msg);
    addErrorMessage(validated, TOPICS_REGEX_CONFIG, topicsRegex, msg);
  }
  if (!hasTopics && !hasRegex) {
    const msg = `Must configure one of ${TOPICS_CONFIG} or ${TOPICS_REGEX_CONFIG}`;
    addErrorMessage(validated, TOPICS_CONFIG, topicsList, msg);
    addErrorMessage(validated, TOPICS_REGEX_CONFIG, topicsRegex, msg);
  }
  if (hasDlq) {
    if (hasTopics) {
      const topics = parseTopicsList(props);
      if (topics.includes(dlqTopic)) {
        addErrorMessage(
          validated,
          TOPICS_CONFIG,
          topicsList,
          `The DLQ topic '${dlqTopic}' may not be included in the list of topics ('${TOPICS_CONFIG}=[${topics.join(', ')}]') consumed by the connector`,
        );
      }
    }
    if (hasRegex && topicsRegex !== null) {
      let matches = false;
      try {
        // Java's Matcher.matches(): the whole name must match.
        matches = new RegExp(`^(?:${topicsRegex})$`).test(dlqTopic);
      } catch {
        // An invalid regex is already reported by the topics.regex validator.
      }
      if (matches) {
        addErrorMessage(
          validated,
          TOPICS_REGEX_CONFIG,
          topicsRegex,
          `The DLQ topic '${dlqTopic}' may not be matched by the regex for the topics ('${TOPICS_REGEX_CONFIG}=${topicsRegex}') consumed by the connector`,
        );
      }
    }
  }
}

/** SinkConnectorConfig.validate(props): throws the first error as ConfigException (create-time check). */
export function ensureValidSinkConnectorConfig(props: Props): void {
  const validated = new Map<string, ConfigValue>();
  validateSinkConnectorConfig(props, validated);
  for (const v of validated.values()) {
    const first = v.errorMessages[0];
    if (first !== undefined) throw new ConfigException(v.name, v.value, first);
  }
}
