import type { ConnectRecord } from '../api/records';
import type { ConfigDef } from '../config/config-def';

/** Raw plugin configuration as handed to configure(): strings from REST/properties, or typed values. */
export type PluginConfigs = Readonly<Record<string, unknown>>;

/**
 * org.apache.kafka.connect.transforms.Transformation. Lifecycle: constructed by the factory,
 * configure() once (throws ConfigException on bad config), then apply() from one task thread only,
 * then close(). apply() must not mutate its input record (records are shared with the error handler
 * and the DLQ); it returns a new record via newRecord(), the same record, or null to drop it.
 */
export interface Transformation<R extends ConnectRecord<R>> {
  /** The Java class name Connect reports for this instance (e.g. `...InsertField$Value`). */
  readonly className: string;
  configure(configs: PluginConfigs): void;
  apply(record: R): R | null;
  config(): ConfigDef;
  close(): void;
}

/**
 * org.apache.kafka.connect.transforms.predicates.Predicate: same lifecycle as Transformation;
 * test() must not mutate the record.
 */
export interface Predicate<R extends ConnectRecord<R>> {
  readonly className: string;
  configure(configs: PluginConfigs): void;
  test(record: R): boolean;
  config(): ConfigDef;
  close(): void;
}

/** Version reported for the built-in plugins (AppInfoParser.getVersion() of the real 4.4 jars). */
export const TRANSFORMS_VERSION = '4.4.0';

/** The common Java package of the built-in transformations. */
export const TRANSFORMS_PACKAGE = 'org.apache.kafka.connect.transforms';
