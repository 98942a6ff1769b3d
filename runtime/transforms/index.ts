/**
 * Single message transforms (org.apache.kafka.connect.transforms.*), predicates and the
 * TransformationChain, behaving as Kafka Connect 4.4.
 *
 * Seams for the worker / plugin registry:
 *
 * 1. Plugin list — `SMT_PLUGINS: ReadonlyMap<className, SmtPlugin>`; each entry has
 *    `{ type: 'transformation' | 'predicate', className, version, configDef: ConfigDef, aliases, factory<R>() }`.
 *    Register each in the PluginRegistry (type 'transformation' / 'predicate'). Aliases follow
 *    PluginUtils: the nested `$Key`/`$Value` classes have none (their simple names collide), the
 *    single-class ones are known by simple name (`RegexRouter`, `TopicNameMatches`...).
 *    `findSmtPlugin(nameOrAlias, 'transformation' | 'predicate')` resolves a configured type.
 *    `computeAliases(allPlugins)` gives Connect's exact alias map over every plugin type.
 *
 * 2. Config enrichment (`transforms.<alias>.*`, `predicates.<alias>.*`): embed `plugin.configDef`
 *    under the prefix, exactly like ConnectorConfig.enrich does with Transformation.config().
 *
 * 3. Chain — `buildTransformationChain<R>(connectorConfig, operator)` at task start (throws
 *    ConnectException on a bad type or config, with Java's texts); then per record
 *    `chain.apply(record, processingContext)`:
 *      returns the transformed record, or null (dropped by a stage such as Filter, or a tolerated
 *      failure — check `processingContext.failed()`); throws ConnectException("Tolerance exceeded
 *      in error handler") when errors.tolerance=none. `chain.close()` at task stop.
 *    Without an operator/context, `chain.apply(record)` runs the stages and lets exceptions escape;
 *    this fits the worker's current `TransformationChain<R>` interface (apply(record), close()).
 */
export type { PluginConfigs, Predicate, Transformation } from './transformation';
export { TRANSFORMS_PACKAGE, TRANSFORMS_VERSION } from './transformation';
export {
  TransformationChain,
  TransformationStage,
  buildTransformationChain,
  originalsWithPrefix,
} from './chain';
export { SMT_PLUGINS, computeAliases, findSmtPlugin, javaSimpleName } from './plugins';
export type { PredicatePlugin, SmtPlugin, TransformationPlugin } from './plugins';
export { Cast } from './cast';
export { DropHeaders } from './drop-headers';
export { ExtractField } from './extract-field';
export { Filter } from './filter';
export { Flatten } from './flatten';
export { HeaderFrom } from './header-from';
export { HoistField } from './hoist-field';
export { InsertField } from './insert-field';
export { InsertHeader } from './insert-header';
export { MaskField } from './mask-field';
export { RegexRouter } from './regex-router';
export { ReplaceField } from './replace-field';
export { SetSchemaMetadata } from './set-schema-metadata';
export { TimestampConverter } from './timestamp-converter';
export { TimestampRouter } from './timestamp-router';
export { ValueToKey } from './value-to-key';
export { KEY, VALUE } from './util/key-value';
export type { RecordSide } from './util/key-value';
