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
  /** The routed topic per input topic (a pure function of it): a record stream has few topics. */
  #routes = new Map<string, string | null>();

  configure(props: PluginConfigs): void {
    const config = new SimpleConfig(REGEX_ROUTER_CONFIG_DEF, props);
    this.#regex = new JavaPattern(config.getString('regex') ?? '');
    this.#replacement = config.getString('replacement') ?? '';
    this.#routes = new Map();
  }

  #route(topic: string): string | null {
    let routed = this.#routes.get(topic);
    if (routed === undefined) {
      routed = this.#regex?.replaceWhole(topic, this.#replacement) ?? null;
      if (this.#routes.size >= 1024) this.#routes.clear();
      this.#routes.set(topic, routed);
    }
    return routed;
  }

  apply(record: R): R {
    const topic = this.#route(record.topic);
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
