/**
 * The plugin registry (Connect's Plugins/PluginDesc): every connector, converter, header converter,
 * transformation and predicate the runtime can instantiate, found by full class name or alias.
 */
import type { PluginInfo, PluginType } from '../../protocol/connect-rest/entities';
import { computeAliases } from '../transforms/plugins';

export interface PluginDesc<T = unknown> {
  /** The Java-style fully-qualified class name, e.g. org.apache.kafka.connect.file.FileStreamSourceConnector. */
  className: string;
  type: PluginType;
  version: string;
  create: () => T;
}

/**
 * Simple name and simple name without the type suffix, per plugin, ignoring collisions and nested
 * classes. Lookups use PluginRegistry.aliases() (PluginUtils.computeAliases) instead.
 */
export function aliasesOf(className: string, type: PluginType): string[] {
  const simple = className.slice(className.lastIndexOf('.') + 1);
  const out = [simple];
  const suffix =
    type === 'source' || type === 'sink'
      ? 'Connector'
      : type === 'converter' || type === 'header_converter'
        ? 'Converter'
        : type === 'transformation'
          ? 'Transformation'
          : 'Predicate';
  if (simple.endsWith(suffix) && simple.length > suffix.length) out.push(simple.slice(0, -suffix.length));
  return out;
}

const TYPE_ORDER: PluginType[] = [
  'sink',
  'source',
  'transformation',
  'predicate',
  'converter',
  'header_converter',
];

export class PluginRegistry {
  private readonly plugins: PluginDesc[] = [];
  private aliasMap: Map<string, string> | null = null;

  register(desc: PluginDesc): void {
    const existing = this.plugins.findIndex((p) => p.className === desc.className && p.type === desc.type);
    if (existing >= 0) this.plugins.splice(existing, 1);
    this.plugins.push(desc);
    this.aliasMap = null;
  }

  /**
   * alias → class name over every registered plugin (PluginUtils.computeAliases): an alias claimed
   * by two classes is no alias; nested `$Key`/`$Value` classes get none (their simple names collide).
   */
  aliases(): ReadonlyMap<string, string> {
    this.aliasMap ??= computeAliases(this.plugins);
    return this.aliasMap;
  }

  /** Plugins of the given types, by type in Connect's listing order, then by class name. */
  list(types: PluginType[] = TYPE_ORDER): PluginDesc[] {
    const out: PluginDesc[] = [];
    for (const t of TYPE_ORDER) {
      if (!types.includes(t)) continue;
      out.push(
        ...this.plugins
          .filter((p) => p.type === t)
          .sort((a, b) => (a.className < b.className ? -1 : a.className > b.className ? 1 : 0)),
      );
    }
    return out;
  }

  /** GET /connector-plugins entries (version omitted when "undefined", as PluginInfo does). */
  infos(connectorsOnly: boolean): PluginInfo[] {
    return this.list(connectorsOnly ? ['sink', 'source'] : TYPE_ORDER).map((p) =>
      p.version === 'undefined'
        ? { class: p.className, type: p.type }
        : { class: p.className, type: p.type, version: p.version },
    );
  }

  /** Finds by full class name first, then by alias (unambiguous aliases only, as Connect). */
  find(name: string, types: PluginType[]): PluginDesc | undefined {
    const candidates = this.plugins.filter((p) => types.includes(p.type));
    const exact = candidates.find((p) => p.className === name);
    if (exact) return exact;
    const cls = this.aliases().get(name);
    return cls === undefined ? undefined : candidates.find((p) => p.className === cls);
  }

  findConnector(name: string): PluginDesc | undefined {
    return this.find(name, ['source', 'sink']);
  }

  all(): readonly PluginDesc[] {
    return this.plugins;
  }
}
