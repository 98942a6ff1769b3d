import type { ConfigDef } from '../../config/config-def';
import type { PluginConfigs } from '../transformation';

/**
 * org.apache.kafka.connect.transforms.util.SimpleConfig: the ConfigDef parse of a plugin's props
 * (throws ConfigException with ConfigDef's messages), with typed getters.
 */
export class SimpleConfig {
  readonly #values: Map<string, unknown>;

  constructor(def: ConfigDef, props: PluginConfigs) {
    this.#values = def.parse(props);
  }

  getString(name: string): string | null {
    return (this.#values.get(name) as string | null | undefined) ?? null;
  }
  getList(name: string): string[] {
    return [...((this.#values.get(name) as string[] | null | undefined) ?? [])];
  }
  getBoolean(name: string): boolean {
    return this.#values.get(name) === true;
  }
  getInt(name: string): number | null {
    return (this.#values.get(name) as number | null | undefined) ?? null;
  }
}
