/**
 * The herder's seam to connector-config validation. The full framework validation (ConnectorConfig
 * enrichment, converters, transforms, client overrides) is runtime/config's job; this adapter turns
 * its result into Connect's create/update error and serves GET /connector-plugins/{p}/config.
 */
import type { Connector } from '../api/connector';
import { SinkConnector, SourceConnector } from '../api/connector';
import type { ConfigDef, ConfigKey } from '../config/config-def';
import { generateResult, toConfigKeyInfo } from '../config/config-infos';
import type { ConfigInfos, ConfigKeyInfo } from '../config/config-infos';
import { NotFoundException } from '../data/errors';
import { BadRequestException, InternalServerError } from '../errors/rest-errors';
import type { PluginRegistry } from '../plugins/registry';

export interface ConnectorValidator {
  /** The ConfigInfos body of PUT /connector-plugins/{p}/config/validate (throws as Connect does). */
  validate(config: Record<string, string | null>): Promise<ConfigInfos>;
}

/**
 * AbstractHerder.maybeAddConfigErrors. It reads every ConfigInfo's value: a connector whose validate()
 * returns no value for a key of its own ConfigDef (Debezium 3.6.1: internal.legacy.snapshot.max.threads)
 * makes it throw Java's NullPointerException, which Connect answers as 500 with that text.
 */
export function invalidConfigMessage(infos: ConfigInfos): string {
  let message = `Connector configuration is invalid and contains the following ${infos.error_count} error(s):`;
  for (const c of infos.configs) {
    if (c.value === null) {
      throw new InternalServerError(
        'Cannot invoke "org.apache.kafka.connect.runtime.rest.entities.ConfigValueInfo.errors()" because the return value of "org.apache.kafka.connect.runtime.rest.entities.ConfigInfo.configValue()" is null',
      );
    }
    for (const e of c.value.errors) message += `\n${e}`;
  }
  return (
    message +
    '\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`'
  );
}

/** Java's AbstractMap.toString: `{k=v, k2=v2}`. */
export function javaMapString(map: Record<string, string | null>): string {
  return `{${Object.entries(map)
    .map(([k, v]) => `${k}=${v ?? 'null'}`)
    .join(', ')}}`;
}

export type FrameworkConfigDefs = { source: () => ConfigDef; sink: () => ConfigDef };

/** AbstractHerder.connectorPluginConfig: plugin keys first, then framework keys not already present. */
export function connectorPluginConfig(
  plugins: PluginRegistry,
  pluginName: string,
  framework: FrameworkConfigDefs | null,
): ConfigKeyInfo[] {
  const desc = plugins.find(pluginName, [
    'source',
    'sink',
    'converter',
    'header_converter',
    'transformation',
    'predicate',
  ]);
  if (!desc) throw new NotFoundException(`Unknown plugin ${pluginName}.`);
  const plugin = desc.create() as { config?: () => unknown };
  let own: ReadonlyMap<string, ConfigKey>;
  let base: ReadonlyMap<string, ConfigKey> | null = null;
  if (plugin instanceof SinkConnector || plugin instanceof SourceConnector) {
    own = plugin.config().configKeys();
    if (framework)
      base = (plugin instanceof SinkConnector ? framework.sink() : framework.source()).configKeys();
  } else if (typeof plugin.config === 'function') {
    const def = plugin.config() as ConfigDef | readonly { name: string }[];
    if (Array.isArray(def)) return [];
    own = (def as ConfigDef).configKeys();
  } else {
    throw new BadRequestException(
      `Invalid plugin class ${pluginName}. Valid types are sink, source, converter, header_converter, transformation, predicate.`,
    );
  }
  const merged = new Map(own);
  if (base) for (const [k, v] of base) if (!merged.has(k)) merged.set(k, v);
  return [...merged.values()].map((k) => toConfigKeyInfo(k));
}

/**
 * A minimal validator used until the framework's full one is wired: connector type check, the
 * connector's own ConfigDef, null values. Kept so the runtime works stand-alone.
 */
export class BasicConnectorValidator implements ConnectorValidator {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly newConnector: (cls: string) => Connector,
  ) {}

  validate(config: Record<string, string | null>): Promise<ConfigInfos> {
    return Promise.resolve().then(() => {
      const cls = config['connector.class'];
      if (cls === undefined || cls === null) {
        throw new BadRequestException(`Connector config ${javaMapString(config)} contains no connector type`);
      }
      const connector = this.newConnector(cls);
      const def = connector.config();
      const values = def.validateAll(config);
      for (const [k, v] of Object.entries(config)) {
        if (v === null) {
          const existing = values.get(k);
          if (existing)
            existing.addErrorMessage('Null value can not be supplied as the configuration value.');
        }
      }
      void this.plugins;
      return generateResult(cls, def.configKeys(), [...values.values()], def.groups());
    });
  }
}
