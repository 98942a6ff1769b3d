/**
 * AbstractHerder.validateConnectorConfig (Connect 4.4) as a pure function: given the connector
 * plugin, the installed plugins and the user's flat config, returns the exact ConfigInfos body of
 * PUT /connector-plugins/{p}/config/validate. Also the 400 text used at create/update time and the
 * ConfigKeyInfo list of GET /connector-plugins/{p}/config.
 */
import { ConfigDef } from './config-def';
import type { ConfigKey } from './config-def';
import { ConfigException } from './config-exception';
import { generateResult, mergeConfigInfos, prefixedConfigInfos, toConfigKeyInfo } from './config-infos';
import type { ConfigInfos, ConfigKeyInfo } from './config-infos';
import { ConfigValue } from './config-value';
import {
  CONNECTOR_CLASS_CONFIG,
  CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX,
  CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX,
  CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX,
  CONNECTOR_VERSION_CONFIG,
  EXACTLY_ONCE_SUPPORT_CONFIG,
  TRANSACTION_BOUNDARY_CONFIG,
  HEADER_CONVERTER_CLASS_CONFIG,
  KEY_CONVERTER_CLASS_CONFIG,
  NAME_CONFIG,
  VALUE_CONVERTER_CLASS_CONFIG,
  connectorConfigDef,
  sinkConnectorConfigDef,
  sourceConnectorConfigDef,
} from './connector-config';
import type { FrameworkDefaults, VersionedKind } from './connector-config';
import { enrich } from './enrich';
import { javaHashOrder } from './java-compat';
import { hasKind, isKind } from './plugin-lookup';
import type { PluginDescription, PluginKind, PluginLister, PluginLookup } from './plugin-lookup';
import { hasDlqTopicConfig, validateSinkConnectorConfig } from './sink-connector-validation';
import { usesTopicCreation } from './topic-creation-config';

export type ConnectorConfigInput = Readonly<Record<string, string | null>>;

export type ClientOverridePolicy = 'All' | 'None' | 'Principal';

export interface WorkerValidationContext {
  /** Worker key.converter / value.converter / header.converter (they become the keys' defaults). */
  keyConverter?: string;
  valueConverter?: string;
  headerConverter?: string;
  /** Distributed mode: group.id; a sink named so that connect-<name> equals it gets an error. */
  groupId?: string;
  /** Distributed mode: exactly.once.source.support=enabled. Undefined = standalone (no check). */
  exactlyOnceSourceEnabled?: boolean;
  /** connector.client.config.override.policy (Connect 4.x default: All). */
  clientOverridePolicy?: ClientOverridePolicy;
  /** ProducerConfig/ConsumerConfig/AdminClientConfig ConfigDefs, when available, for override entries. */
  clientConfigDefs?: { producer?: ConfigDef; consumer?: ConfigDef; admin?: ConfigDef };
}

export interface ValidateConnectorConfigInput {
  /** The connector plugin named by connector.class (already resolved by the caller, alias or not). */
  connector: PluginDescription;
  connectorType: 'source' | 'sink';
  lookup: PluginLookup;
  /** For recommended values of CLASS keys; without it those lists are empty. */
  lister?: PluginLister;
  config: ConnectorConfigInput;
  worker?: WorkerValidationContext;
}

/**
 * Connect's BadRequestException for a config without connector.class. POST /connectors and
 * PUT .../config answer 400 with `message`; the validate endpoint does not unwrap it and answers
 * 500 with `${javaClassName}: ${message}` (observed on the 4.4.0 worker).
 */
export class ConnectorValidationError extends Error {
  readonly status = 400;
  readonly javaClassName = 'org.apache.kafka.connect.runtime.rest.errors.BadRequestException';
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorValidationError';
  }
}

const NULL_VALUE_MESSAGE = 'Null value can not be supplied as the configuration value.';

function versionsOf(lookup: PluginLookup) {
  return (cls: string, kind: VersionedKind): string[] => {
    const desc = lookup(cls);
    const ok = kind === 'connector' ? isKind(desc, 'source') || isKind(desc, 'sink') : isKind(desc, kind);
    return ok && desc?.version !== undefined ? [desc.version] : [];
  };
}

/**
 * The 4.4 framework defaults: connector version; converters = the worker's; each *.plugin.version
 * default = the version of the converter in effect (the user's class when set, else the worker's).
 */
export function frameworkDefaults(
  connector: PluginDescription | null,
  lookup: PluginLookup,
  lister: PluginLister | undefined,
  worker: WorkerValidationContext | undefined,
  props: ConnectorConfigInput = {},
): FrameworkDefaults {
  // The version default is that of the class in effect, when it is a plugin of the right kind.
  const version = (property: string, workerClass: string | undefined, kind: PluginKind): string | null => {
    const user = props[property];
    const cls = typeof user === 'string' ? user : workerClass;
    const desc = cls ? lookup(cls) : undefined;
    return isKind(desc, kind) ? (desc.version ?? null) : null;
  };
  const classExists = (kind: PluginKind) => (name: string) => isKind(lookup(name), kind);
  return {
    connectorVersion: connector?.version ?? null,
    keyConverter: worker?.keyConverter ?? null,
    keyConverterVersion: version(KEY_CONVERTER_CLASS_CONFIG, worker?.keyConverter, 'converter'),
    valueConverter: worker?.valueConverter ?? null,
    valueConverterVersion: version(VALUE_CONVERTER_CLASS_CONFIG, worker?.valueConverter, 'converter'),
    headerConverter: worker?.headerConverter ?? null,
    headerConverterVersion: version(
      HEADER_CONVERTER_CLASS_CONFIG,
      worker?.headerConverter,
      'header_converter',
    ),
    converterClasses: lister ? lister('converter') : [],
    headerConverterClasses: lister ? lister('header_converter') : [],
    versionsOf: versionsOf(lookup),
    converterClassValidator: concreteSubclassValidator(classExists('converter'), 'Converter'),
    headerConverterClassValidator: concreteSubclassValidator(
      classExists('header_converter'),
      'HeaderConverter',
    ),
  };
}

/** The converter class keys' check: a loadable class that is not a (header) converter. */
function concreteSubclassValidator(isOfKind: (name: string) => boolean, iface: string) {
  return {
    ensureValid(_name: string, value: unknown): void {
      if (value === null || value === undefined) return;
      const cls = (value as { name: string }).name;
      if (!isOfKind(cls))
        throw new ConfigException(`Class class ${cls} does not implement the ${iface} interface`);
    },
    toString: () => `A concrete subclass of ${iface}`,
  };
}

function validateConverter(
  props: ConnectorConfigInput,
  classValue: ConfigValue | undefined,
  property: string,
  converterType: 'key' | 'value' | 'header',
  lookup: PluginLookup,
): ConfigInfos | null {
  const pluginClass = props[property];
  if (pluginClass === null || pluginClass === undefined || !classValue || classValue.errorMessages.length > 0)
    return null;
  const desc = lookup(pluginClass.trim());
  if (!desc) return null;
  const prefix = `${property}.`;
  const pluginConfig: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(props))
    if (k.startsWith(prefix)) pluginConfig[k.substring(prefix.length)] = v;
  if (!Object.hasOwn(pluginConfig, 'converter.type')) pluginConfig['converter.type'] = converterType;
  const validated = desc.configDef.validateAll(pluginConfig);
  const ordered = javaHashOrder([...validated.keys()]).map((k) => validated.get(k) as ConfigValue);
  return prefixedConfigInfos(desc.configDef.configKeys(), ordered, prefix);
}

function validateClientOverrides(
  props: ConnectorConfigInput,
  prefix: string,
  clientDef: ConfigDef | undefined,
  policy: ClientOverridePolicy,
): ConfigInfos {
  const clientConfigs = new Map<string, unknown>();
  for (const [k, raw] of Object.entries(props)) {
    if (!k.startsWith(prefix)) continue;
    const name = k.substring(prefix.length);
    const key = clientDef?.configKeys().get(name);
    // Java parses outside any try: a bad value fails the whole request (HTTP 500).
    clientConfigs.set(name, key ? ConfigDef.parseType(name, raw, key.type) : raw);
  }
  const allowedByPrincipal = new Set(['sasl.jaas.config', 'sasl.mechanism', 'security.protocol']);
  const values = javaHashOrder([...clientConfigs.keys()]).map((name) => {
    const v = new ConfigValue(name, clientConfigs.get(name), [], []);
    const allowed = policy === 'All' || (policy === 'Principal' && allowedByPrincipal.has(name));
    if (!allowed)
      v.addErrorMessage(
        `The '${policy}' policy does not allow '${name}' to be overridden in the connector configuration.`,
      );
    return v;
  });
  return prefixedConfigInfos(clientDef?.configKeys() ?? new Map<string, ConfigKey>(), values, prefix);
}

/**
 * The ConfigInfos body of PUT /connector-plugins/{p}/config/validate for `input.config`.
 * Throws ConnectorValidationError ("Connector config contains no connector type") without connector.class, and ConfigException when a client
 * override cannot be parsed (Connect answers 500 "org.apache.kafka.common.config.ConfigException: <msg>").
 */
export function validateConnectorConfig(input: ValidateConnectorConfigInput): ConfigInfos {
  const { connector, connectorType, lookup, lister, config: props, worker } = input;
  const connType = props[CONNECTOR_CLASS_CONFIG];
  if (connType === null || connType === undefined) {
    throw new ConnectorValidationError('Connector config contains no connector type');
  }
  // connector.plugin.version naming a version the connector does not have: Connect 4.4 then
  // validates against the bare ConnectorConfig (no sink/source keys, no worker converter defaults)
  // and skips the connector's own keys; both keys get the error.
  const requestedVersion = props[CONNECTOR_VERSION_CONFIG];
  let versionError: string | null = null;
  if (typeof requestedVersion === 'string' && /^[^[(]/.test(requestedVersion.trim())) {
    const v = requestedVersion.trim();
    if (connector.version !== undefined && v !== connector.version) {
      versionError = `Plugin ${connType} not found that matches the version range [${v},${v}], available versions: [${connector.version}]`;
    }
  }
  const base =
    versionError !== null
      ? connectorConfigDef(
          { connectorVersion: connector.version ?? null, versionsOf: versionsOf(lookup) },
          connector.className,
        )
      : connectorType === 'source'
        ? sourceConnectorConfigDef(
            frameworkDefaults(connector, lookup, lister, worker, props),
            connector.className,
          )
        : sinkConnectorConfigDef(
            frameworkDefaults(connector, lookup, lister, worker, props),
            connector.className,
          );
  const enriched = enrich(base, props, lookup, lister);
  const resolveClass = (name: string): string | undefined => lookup(name)?.className;
  const validated = enriched.validateAll(props, { resolveClass });
  const connectorVersionOk = versionError === null;
  if (versionError !== null) {
    validated.get(CONNECTOR_CLASS_CONFIG)?.addErrorMessage(versionError);
    validated.get(CONNECTOR_VERSION_CONFIG)?.addErrorMessage(versionError);
  } else if (connectorType === 'sink') {
    validateSinkConnectorConfig(props, validated);
    if (worker?.groupId !== undefined) validateSinkGroupId(props, validated, worker.groupId);
  } else if (worker?.exactlyOnceSourceEnabled !== undefined) {
    validateExactlyOnceSupport(connector, props, validated, worker.exactlyOnceSourceEnabled);
    validateTransactionBoundary(connector, props, validated);
  }

  for (const [k, v] of Object.entries(props)) {
    if (v !== null) continue;
    let cv = validated.get(k);
    if (!cv) {
      cv = new ConfigValue(k);
      validated.set(k, cv);
    }
    cv.addErrorMessage(NULL_VALUE_MESSAGE);
  }

  const configValues = javaHashOrder([...validated.keys()]).map((k) => validated.get(k) as ConfigValue);
  const configKeys = new Map(enriched.configKeys());
  const groups = [...enriched.groups()];
  if (connectorVersionOk) {
    const connectorValues = connector.validate
      ? connector.validate(props)
      : (() => {
          const all = connector.configDef.validateAll(props, { resolveClass });
          return javaHashOrder([...all.keys()]).map((k) => all.get(k) as ConfigValue);
        })();
    for (const [k, key] of connector.configDef.configKeys()) configKeys.set(k, key);
    for (const g of connector.configDef.groups()) if (!groups.includes(g)) groups.push(g);
    configValues.push(...connectorValues);
  }

  const header = validateConverter(
    props,
    validated.get(HEADER_CONVERTER_CLASS_CONFIG),
    HEADER_CONVERTER_CLASS_CONFIG,
    'header',
    lookup,
  );
  const key = validateConverter(
    props,
    validated.get(KEY_CONVERTER_CLASS_CONFIG),
    KEY_CONVERTER_CLASS_CONFIG,
    'key',
    lookup,
  );
  const value = validateConverter(
    props,
    validated.get(VALUE_CONVERTER_CLASS_CONFIG),
    VALUE_CONVERTER_CLASS_CONFIG,
    'value',
    lookup,
  );

  const result = generateResult(connType, configKeys, configValues, groups);
  const policy = worker?.clientOverridePolicy ?? 'All';
  const defs = worker?.clientConfigDefs ?? {};
  const usesProducer = connectorType === 'source' || hasDlqTopicConfig(props);
  const usesAdmin = connectorType === 'source' ? usesTopicCreation(props) : hasDlqTopicConfig(props);
  const usesConsumer = connectorType === 'sink';
  const producer = usesProducer
    ? validateClientOverrides(props, CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX, defs.producer, policy)
    : null;
  const admin = usesAdmin
    ? validateClientOverrides(props, CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX, defs.admin, policy)
    : null;
  const consumer = usesConsumer
    ? validateClientOverrides(props, CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX, defs.consumer, policy)
    : null;
  return mergeConfigInfos(connType, result, producer, consumer, admin, header, key, value);
}

function unexpectedError(e: unknown): string {
  const m = e instanceof Error ? e.message.trim() : '';
  return m.length > 0
    ? `An unexpected error occurred during validation: ${m}`
    : 'An unexpected error occurred during validation; please see the worker logs for more details.';
}

/** DistributedHerder.validateSourceConnectorExactlyOnceSupport. */
function validateExactlyOnceSupport(
  connector: PluginDescription,
  props: ConnectorConfigInput,
  validated: Map<string, ConfigValue>,
  workerEnabled: boolean,
): void {
  const v = validated.get(EXACTLY_ONCE_SUPPORT_CONFIG);
  if (!v || v.errorMessages.length > 0 || String(v.value).trim().toUpperCase() !== 'REQUIRED') return;
  if (!workerEnabled) v.addErrorMessage('This worker does not have exactly-once source support enabled.');
  try {
    const support = connector.exactlyOnceSupport ? connector.exactlyOnceSupport(props) : null;
    if (support === null) {
      v.addErrorMessage(
        'The connector does not implement the API required for preflight validation of exactly-once source support. ' +
          'Please consult the documentation for the connector to determine whether it supports exactly-once semantics, ' +
          'and then consider reconfiguring the connector to use the value "requested" for this property ' +
          '(which will disable this preflight check and allow the connector to be created).',
      );
    } else if (support === 'UNSUPPORTED') {
      v.addErrorMessage(
        'The connector does not support exactly-once semantics with the provided configuration.',
      );
    }
  } catch (e) {
    v.addErrorMessage(unexpectedError(e));
  }
}

/** DistributedHerder.validateSourceConnectorTransactionBoundary. */
function validateTransactionBoundary(
  connector: PluginDescription,
  props: ConnectorConfigInput,
  validated: Map<string, ConfigValue>,
): void {
  const v = validated.get(TRANSACTION_BOUNDARY_CONFIG);
  if (!v || v.errorMessages.length > 0 || String(v.value).trim().toUpperCase() !== 'CONNECTOR') return;
  try {
    const support = connector.canDefineTransactionBoundaries
      ? connector.canDefineTransactionBoundaries(props)
      : 'UNSUPPORTED';
    if (support === null) {
      v.addErrorMessage(
        'This connector has returned a null value from its canDefineTransactionBoundaries method, which is not permitted. ' +
          "The connector will be treated as if it cannot define its own transaction boundaries, and cannot be configured with 'transaction.boundary' set to 'connector'.",
      );
    } else if (support !== 'SUPPORTED') {
      v.addErrorMessage(
        'The connector does not support connector-defined transaction boundaries with the given configuration. ' +
          'Please reconfigure it to use a different transaction boundary definition.',
      );
    }
  } catch (e) {
    v.addErrorMessage(unexpectedError(e));
  }
}

/** DistributedHerder.validateSinkConnectorGroupId. */
function validateSinkGroupId(
  props: ConnectorConfigInput,
  validated: Map<string, ConfigValue>,
  workerGroupId: string,
): void {
  const overridden = `${CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX}group.id`;
  if (Object.hasOwn(props, overridden)) {
    const groupId = props[overridden] ?? null;
    let v = validated.get(overridden);
    if (!v) {
      v = new ConfigValue(overridden, groupId, [], []);
      validated.set(overridden, v);
    }
    if (workerGroupId === groupId)
      v.addErrorMessage(`Consumer group ${groupId} conflicts with Connect worker group ${workerGroupId}`);
  } else {
    const nameValue = validated.get(NAME_CONFIG);
    const name = nameValue?.value as string | null | undefined;
    if (nameValue && `connect-${name ?? 'null'}` === workerGroupId) {
      nameValue.addErrorMessage(
        `Consumer group for sink connector named ${name ?? 'null'} conflicts with Connect worker group ${workerGroupId}`,
      );
    }
  }
}

/** Every error message of a ConfigInfos, in body order (what the create/update 400 lists). */
export function allErrorMessages(infos: ConfigInfos): string[] {
  const out: string[] = [];
  for (const c of infos.configs) if (c.value) out.push(...c.value.errors);
  return out;
}

/**
 * The 400 message of POST /connectors and PUT /connectors/{c}/config when validation fails
 * (AbstractHerder.maybeAddConfigErrors): N = error_count, then each error on its own line.
 */
export function invalidConnectorConfigMessage(infos: ConfigInfos): string {
  let msg = `Connector configuration is invalid and contains the following ${infos.error_count} error(s):`;
  for (const e of allErrorMessages(infos)) msg += `\n${e}`;
  msg +=
    '\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`';
  return msg;
}

/**
 * GET /connector-plugins/{p}/config: the plugin's keys in its order, then (for connectors) the
 * framework keys it does not define, as ConnectorPluginsResource/AbstractHerder.connectorPluginConfig
 * in 4.4 (framework converter defaults are null there; connector.plugin.version defaults to the plugin's version).
 */
export function connectorPluginConfig(plugin: PluginDescription): ConfigKeyInfo[] {
  const keys = new Map(plugin.configDef.configKeys());
  let base: ConfigDef | null = null;
  if (hasKind(plugin, 'sink')) base = sinkConnectorConfigDef({ connectorVersion: plugin.version ?? null });
  else if (hasKind(plugin, 'source'))
    base = sourceConnectorConfigDef({ connectorVersion: plugin.version ?? null });
  if (base) for (const [k, key] of base.configKeys()) if (!keys.has(k)) keys.set(k, key);
  return [...keys.values()].map((k) => toConfigKeyInfo(k));
}
