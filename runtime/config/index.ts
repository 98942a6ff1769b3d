/**
 * The configuration layer of the runtime: Connect 4.4's ConfigDef and framework connector configs.
 * Behaviour and texts were checked against a real Connect 4.4.0 worker (validate/config endpoints).
 *
 * ── Declaring a plugin's configuration (once; it drives validate, GET .../config and schemas) ──
 *   const def = new ConfigDef()
 *     .define({ name: 'file', type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: '...' })
 *     .define({ name: 'batch.size', type: 'INT', defaultValue: 2000, validator: Range.atLeast(1),
 *               importance: 'LOW', documentation: '...', group: 'Batching', orderInGroup: 1, width: 'SHORT',
 *               displayName: 'Batch size', dependents: [], recommender: null });
 *   Omitting `defaultValue` makes the key required (NO_DEFAULT_VALUE); `defaultValue: null` is a null default.
 *   Omitting group/orderInGroup/width/displayName gives Java's short-overload values (null/-1/NONE/name).
 *   Parsed types: BOOLEAN boolean, STRING string, INT/SHORT number, LONG bigint, DOUBLE number,
 *   LIST string[], CLASS JavaClass (.name), PASSWORD Password (.value(); prints "[hidden]").
 *
 * ── Using it ──
 *   def.parse(props)                → Map of parsed values; throws ConfigException with Connect's text.
 *   new AbstractConfig(def, props)  → frozen typed getters (getInt, getLong → bigint, getList, ...).
 *   def.validateAll(props)          → Map<name, ConfigValue> (value, recommendedValues, errorMessages, visible).
 *   toConfigKeyInfo(key) / toConfigValueInfo(value, type) → REST entities (config-infos.ts).
 *
 * ── REST / herder entry points ──
 *   validateConnectorConfig({ connector, connectorType, lookup, lister?, config, worker? }) → ConfigInfos,
 *     the exact body of PUT /connector-plugins/{p}/config/validate. `connector` is the resolved
 *     PluginDescription of connector.class; `lookup(className)` describes any installed plugin
 *     (type, configDef, version); `lister(kind)` lists class names for recommended values; `worker`
 *     carries the worker's converters (they become defaults), group.id and exactly-once flag
 *     (distributed checks), the client override policy (default All) and optional client ConfigDefs.
 *     Throws ConnectorValidationError("Connector config contains no connector type": 400 on create/update,
 *     500 "org.apache.kafka.connect.runtime.rest.errors.BadRequestException: <msg>" on validate) and
 *     ConfigException for unparsable client overrides (Connect: HTTP 500,
 *     "org.apache.kafka.common.config.ConfigException: <message>").
 *   invalidConnectorConfigMessage(infos) → the 400 text of POST /connectors and PUT .../config when
 *     infos.error_count > 0.
 *   connectorPluginConfig(plugin) → ConfigKeyInfo[] of GET /connector-plugins/{p}/config (plugin keys,
 *     then framework keys it does not define; for non-connectors just the plugin keys).
 *
 * Helpers for other layers:
 *   configDefFromConverterKeys(keys) → a converter's ConfigDef from runtime/converters' key lists,
 *     with Connect's converter.type (required, ValidString) and case-insensitive decimal.format.
 *   validatorFacts(validator) → { enum, caseInsensitive, minimum, maximum, nonEmpty, regex,
 *     descriptions } for JSON-schema generation (issue 8) and editor completion.
 *   ParseOptions.resolveClass(name) → full class name of a class or plugin alias (CLASS values are
 *     stored resolved, as Connect 4.4 does: "Filter" → org.apache.kafka.connect.transforms.Filter).
 *
 * The framework ConfigDefs (connectorConfigDef, sinkConnectorConfigDef, sourceConnectorConfigDef,
 * topic creation groups) and enrich() (transforms.<alias>.* / predicates.<alias>.*) are exported for
 * the worker (building a connector's effective config) and for schema generation.
 *
 * Wire note: Connect 4.4 serializes ConfigKeyInfo's order as `order_in_group` (after `group`); the
 * ConfigKeyInfo type here is the wire truth (protocol/connect-rest/entities.ts still says `order`).
 */
export { AbstractConfig } from './abstract-config';
export { ConfigDef, ConfigKey, NO_DEFAULT_VALUE } from './config-def';
export type {
  ConfigKeyDefinition,
  ConfigType,
  Importance,
  NoDefault,
  ParseOptions,
  Recommender,
  Width,
} from './config-def';
export { ConfigException } from './config-exception';
export { ConfigValue } from './config-value';
export {
  generateResult,
  mergeConfigInfos,
  prefixedConfigInfos,
  toConfigKeyInfo,
  toConfigValueInfo,
} from './config-infos';
export type { ConfigInfo, ConfigInfos, ConfigKeyInfo, ConfigValueInfo } from './config-infos';
export * from './connector-config';
export { configDefFromConverterKeys, CONVERTER_TYPE_CONFIG } from './converter-config-def';
export type { ConverterKeyLike } from './converter-config-def';
export { enrich, transformationImplicitConfigDef, NEGATE_CONFIG, PREDICATE_CONFIG } from './enrich';
export { JavaClass, Password, javaHashOrder } from './java-compat';
export { hasKind, isKind } from './plugin-lookup';
export type { PluginDescription, PluginKind, PluginLister, PluginLookup } from './plugin-lookup';
export {
  ensureValidSinkConnectorConfig,
  hasDlqTopicConfig,
  hasTopicsConfig,
  parseTopicsList,
  validateSinkConnectorConfig,
} from './sink-connector-validation';
export * from './topic-creation-config';
export {
  ConnectorValidationError,
  allErrorMessages,
  connectorPluginConfig,
  frameworkDefaults,
  invalidConnectorConfigMessage,
  validateConnectorConfig,
} from './validate-connector-config';
export type {
  ClientOverridePolicy,
  ConnectorConfigInput,
  ValidateConnectorConfigInput,
  WorkerValidationContext,
} from './validate-connector-config';
export * from './validators';
