import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { ConfigException } from '../config/config-exception';
import { CompositeValidator, NonEmptyString } from '../config/validators';
import { TransformsRegexValidator } from '../transforms/util/regex-validator';
import type { PluginConfigs, Predicate } from '../transforms/transformation';
import { JavaPattern, PatternSyntaxError } from '../transforms/util/java-regex';
import { SimpleConfig } from '../transforms/util/simple-config';

export const PREDICATES_PACKAGE = 'org.apache.kafka.connect.transforms.predicates';

export const TOPIC_NAME_MATCHES_CONFIG_DEF = new ConfigDef().define({
  name: 'pattern',
  type: 'STRING',
  validator: CompositeValidator.of(new NonEmptyString(), new TransformsRegexValidator()),
  importance: 'MEDIUM',
  documentation: "A Java regular expression for matching against the name of a record's topic.",
});

/** org.apache.kafka.connect.transforms.predicates.TopicNameMatches: true iff the whole topic matches. */
export class TopicNameMatches<R extends ConnectRecord<R>> implements Predicate<R> {
  readonly className = `${PREDICATES_PACKAGE}.TopicNameMatches`;
  #pattern: JavaPattern | null = null;

  configure(props: PluginConfigs): void {
    const value = new SimpleConfig(TOPIC_NAME_MATCHES_CONFIG_DEF, props).getString('pattern') ?? '';
    try {
      this.#pattern = new JavaPattern(value);
    } catch (e) {
      if (e instanceof PatternSyntaxError)
        throw new ConfigException(
          'pattern',
          value,
          `entry must be a Java-compatible regular expression: ${e.message}`,
        );
      throw e;
    }
  }

  test(record: R): boolean {
    return (
      record.topic !== null && record.topic !== undefined && (this.#pattern?.matches(record.topic) ?? false)
    );
  }

  config(): ConfigDef {
    return TOPIC_NAME_MATCHES_CONFIG_DEF;
  }

  close(): void {}

  toString(): string {
    return `TopicNameMatches{pattern=${this.#pattern?.pattern ?? 'null'}}`;
  }
}
