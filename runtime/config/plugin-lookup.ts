/**
 * What the config layer needs to know about installed plugins, passed in by the caller (herder/REST)
 * so this layer stays pure: a lookup by class name and, for recommended values, listings by kind.
 */
import type { ConfigDef } from './config-def';
import type { ConfigValue } from './config-value';

export type PluginKind =
  'source' | 'sink' | 'transformation' | 'predicate' | 'converter' | 'header_converter';

export interface PluginDescription {
  /** Fully-qualified class name (the lookup may have resolved an alias to it). */
  className: string;
  /** A converter class such as JsonConverter is both 'converter' and 'header_converter'. */
  type: PluginKind | readonly PluginKind[];
  /** The plugin's config() ConfigDef. */
  configDef: ConfigDef;
  /** PluginDesc version (Versioned.version()); undefined when the plugin has none. */
  version?: string;
  /** Connector.validate(props) when the plugin overrides it; default configDef.validate(props). */
  validate?: (props: Readonly<Record<string, string | null>>) => ConfigValue[];
  /** SourceConnector.exactlyOnceSupport(props); default null (not implemented). */
  exactlyOnceSupport?: (props: Readonly<Record<string, string | null>>) => 'SUPPORTED' | 'UNSUPPORTED' | null;
  /** SourceConnector.canDefineTransactionBoundaries(props); default UNSUPPORTED. */
  canDefineTransactionBoundaries?: (
    props: Readonly<Record<string, string | null>>,
  ) => 'SUPPORTED' | 'UNSUPPORTED' | null;
}

/** (className) => description, or undefined when no such class is installed. */
export type PluginLookup = (className: string) => PluginDescription | undefined;

/** Every installed class name of one kind, for recommended values; Connect sorts by class name. */
export type PluginLister = (kind: PluginKind) => readonly string[];

export function isKind(desc: PluginDescription | undefined, kind: PluginKind): desc is PluginDescription {
  if (!desc) return false;
  return typeof desc.type === 'string' ? desc.type === kind : desc.type.includes(kind);
}

/** Like isKind, without narrowing (for values already known to be defined). */
export function hasKind(desc: PluginDescription, kind: PluginKind): boolean {
  return isKind(desc, kind);
}
