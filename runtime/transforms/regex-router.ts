import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { TransformsRegexValidator } from './util/regex-validator';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';
import { JavaPattern } from './util/java-regex';
import { SimpleConfig } from './util/simple-config';

export const REGEX_ROUTER_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'regex',
    type: 'STRING',
    validator: new TransformsRegexValidator(),
    importance: 'HIGH',
    documentation: 'Regular expression to use for matching.',
  })
  .define({ name: 'replacement', type: 'STRING', importance: 'HIGH', documentation: 'Replacement string.' });

/**
 * org.apache.kafka.connect.transforms.RegexRouter: when the regex matches the WHOLE topic
 * (Matcher.matches()), the topic becomes replaceFirst(replacement) with Java's `$1` / `${name}` syntax.
 */
export class RegexRouter<R extends ConnectRecord<R>> implements Transformation<R> {
  readonly className = `${TRANSFORMS_PACKAGE}.RegexRouter`;
  #regex: JavaPattern | null = null;
  #replacement = '';

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(REGEX_ROUTER_CONFIG_DEF, props);
    this.#regex = new JavaPattern(config.getString('regex') ?? '');
    this.#replacement = config.getString('replacement') ?? '';
  }

  apply(record: R): R {
    const topic = this.#regex?.replaceWhole(record.topic, this.#replacement) ?? null;
    if (topic === null) return record;
    return record.newRecord(
      topic,
      record.kafkaPartition,
      record.keySchema,
      record.key,
      record.valueSchema,
      record.value,
      record.timestamp,
    );
  }

  config(): ConfigDef {
    return REGEX_ROUTER_CONFIG_DEF;
  }

  close(): void {}
}
