import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import type { PluginConfigs, Predicate } from '../transforms/transformation';
import { PREDICATES_PACKAGE } from './topic-name-matches';

export const RECORD_IS_TOMBSTONE_CONFIG_DEF = new ConfigDef();

/** org.apache.kafka.connect.transforms.predicates.RecordIsTombstone: true iff the value is null. */
export class RecordIsTombstone<R extends ConnectRecord<R>> implements Predicate<R> {
  readonly className = `${PREDICATES_PACKAGE}.RecordIsTombstone`;

  configure(_props: PluginConfigs): void {}

  test(record: R): boolean {
    return record.value === null || record.value === undefined;
  }

  config(): ConfigDef {
    return RECORD_IS_TOMBSTONE_CONFIG_DEF;
  }

  close(): void {}

  toString(): string {
    return 'RecordIsTombstone{}';
  }
}
