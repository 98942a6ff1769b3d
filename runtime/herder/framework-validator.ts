/**
 * Wires runtime/config's pure validateConnectorConfig (the whole AbstractHerder validation) to the
 * plugin registry, and maps its failures onto the exceptions Connect's resources would see.
 */
import type { Connector } from '../api/connector';
import { ConfigDef } from '../config/config-def';
import { ConfigException } from '../config/config-exception';
import { configDefFromConverterKeys } from '../config/index';
import type { ConfigKeyInfo } from '../config/config-infos';
import type { ConfigValue } from '../config/config-value';
import type { PluginDescription, PluginKind } from '../config/plugin-lookup';
import {
  ConnectorValidationError,
  connectorPluginConfig,
  validateConnectorConfig,
} from '../config/validate-connector-config';
import type { WorkerValidationContext } from '../config/validate-connector-config';
import type { ConverterConfigKey } from '../converters/converter';
import { ConnectException, NotFoundException } from '../data/errors';
import { BadRequestException } from '../errors/rest-errors';
import type { PluginDesc, PluginRegistry } from '../plugins/registry';
import type { ConnectorValidator } from './validation';

/**
 * connector.class names no installed connector. The validate resource answers 500
 * "<BadRequestException class>: <message>", create/update 400 "<ConnectException class>: <message>"
 * (both observed on a real 4.4 worker).
 */
export class UnknownConnectorClassException extends BadRequestException {}

/** Carries ConfigException's Java class so the validate resource can prefix it. */
class ConfigExceptionWrapper extends ConnectException {
  static override readonly javaClassName: string = 'org.apache.kafka.common.config.ConfigException';
}

function configDefOf(desc: PluginDesc): ConfigDef {
  const instance = desc.create() as { config?: () => unknown };
  const def = typeof instance.config === 'function' ? instance.config() : null;
  if (def instanceof ConfigDef) return def;
  if (Array.isArray(def)) return configDefFromConverterKeys(def as ConverterConfigKey[]);
  return new ConfigDef();
}

function describe(plugins: PluginRegistry, desc: PluginDesc): PluginDescription {
  const types = plugins
    .all()
    .filter((p) => p.className === desc.className)
    .map((p) => p.type);
  return {
    className: desc.className,
    type: types.length === 1 ? types[0] : types,
    configDef: configDefOf(desc),
    ...(desc.version === 'undefined' ? {} : { version: desc.version }),
  };
}

type ConnectorValidate = (
  props: Readonly<Record<string, string | null>>,
) => ConfigValue[] | Promise<ConfigValue[]>;

const ALL_KINDS: PluginKind[] = [
  'source',
  'sink',
  'transformation',
  'predicate',
  'converter',
  'header_converter',
];

export function createValidator(
  plugins: PluginRegistry,
  newConnector: (cls: string) => Connector,
  worker: WorkerValidationContext,
): ConnectorValidator {
  const lookup = (cls: string): PluginDescription | undefined => {
    const desc = plugins.find(cls, ALL_KINDS);
    return desc ? describe(plugins, desc) : undefined;
  };
  const lister = (kind: PluginKind): readonly string[] =>
    [...new Set(plugins.list([kind]).map((p) => p.className))].sort();
  return {
    async validate(config) {
      await Promise.resolve();
      const cls = config['connector.class'];
      let connectorDesc: PluginDescription | null = null;
      let type: 'source' | 'sink' = 'source';
      if (cls !== undefined && cls !== null) {
        let instance: Connector;
        try {
          instance = newConnector(cls);
        } catch (error) {
          // Connect 4.4: a BadRequestException carrying the lookup failure (see UnknownConnectorClassException).
          throw new UnknownConnectorClassException((error as Error).message);
        }
        const desc = plugins.findConnector(cls)!;
        connectorDesc = describe(plugins, desc);
        type = desc.type === 'sink' ? 'sink' : 'source';
        const own = (instance as { validate?: ConnectorValidate }).validate;
        if (typeof own === 'function') {
          // Connector.validate may be async (JDBC/Debezium open a connection): awaited here so the
          // pure validation gets its values, and connection errors land on the connector's keys.
          const values = await own.call(instance, config);
          connectorDesc = { ...connectorDesc, validate: () => values };
        }
      }
      try {
        return validateConnectorConfig({
          connector: connectorDesc ?? { className: '', type: 'source', configDef: new ConfigDef() },
          connectorType: type,
          lookup,
          lister,
          config,
          worker,
        });
      } catch (error) {
        if (error instanceof ConnectorValidationError) throw new BadRequestException(error.message);
        if (error instanceof ConfigException) throw new ConfigExceptionWrapper(error.message);
        throw error;
      }
    },
  };
}

/** GET /connector-plugins/{p}/config. */
export function pluginConfigKeys(plugins: PluginRegistry, name: string): ConfigKeyInfo[] {
  const desc = plugins.find(name, ALL_KINDS);
  if (!desc) throw new NotFoundException(`Unknown plugin ${name}.`);
  return connectorPluginConfig(describe(plugins, desc));
}
