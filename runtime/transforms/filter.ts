import type { ConnectRecord } from '../api/records';
import { ConfigDef } from '../config/config-def';
import type { PluginConfigs, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE } from './transformation';

export const FILTER_CONFIG_DEF = new ConfigDef();

/** org.apache.kafka.connect.transforms.Filter: drops every record it is applied to (use with a predicate). */
export class Filter<R extends ConnectRecord<R>> implements Transformation<R> {
  readonly className = `${TRANSFORMS_PACKAGE}.Filter`;

  configure(_props: PluginConfigs): void {}

  apply(_record: R): null {
    return null;
  }

  config(): ConfigDef {
    return FILTER_CONFIG_DEF;
  }

  close(): void {}
}
