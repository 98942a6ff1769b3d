import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import { NonEmptyString } from '../config/validators';
import type { PluginConfigs, Predicate } from '../transforms/transformation';
import { SimpleConfig } from '../transforms/util/simple-config';
import { PREDICATES_PACKAGE } from './topic-name-matches';

export const HAS_HEADER_KEY_CONFIG_DEF = new ConfigDef().define({
  name: 'name',
  type: 'STRING',
  validator: new NonEmptyString(),
  importance: 'MEDIUM',
  documentation: 'The header name.',
});

/** org.apache.kafka.connect.transforms.predicates.HasHeaderKey: true iff at least one header has the name. */
export class HasHeaderKey<R extends ConnectRecord<R>> implements Predicate<R> {
  readonly className = `${PREDICATES_PACKAGE}.HasHeaderKey`;
  #name = '';

  configure(props: PluginConfigs): void {
    this.#name = new SimpleConfig(HAS_HEADER_KEY_CONFIG_DEF, props).getString('name') ?? '';
  }

  test(record: R): boolean {
    for (const h of record.headers) if (h.key === this.#name) return true;
    return false;
  }

  config(): ConfigDef {
    return HAS_HEADER_KEY_CONFIG_DEF;
  }

  close(): void {}

  toString(): string {
    return `HasHeaderKey{name='${this.#name}'}`;
  }
}
