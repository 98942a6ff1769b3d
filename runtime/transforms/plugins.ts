import type { ConnectRecord } from '../api/records';
import type { ConfigDef } from '../config/config-def';
import { HasHeaderKey, HAS_HEADER_KEY_CONFIG_DEF } from '../predicates/has-header-key';
import { RecordIsTombstone, RECORD_IS_TOMBSTONE_CONFIG_DEF } from '../predicates/record-is-tombstone';
import { TopicNameMatches, TOPIC_NAME_MATCHES_CONFIG_DEF } from '../predicates/topic-name-matches';
import { CAST_CONFIG_DEF, Cast } from './cast';
import { DROP_HEADERS_CONFIG_DEF, DropHeaders } from './drop-headers';
import { EXTRACT_FIELD_CONFIG_DEF, ExtractField } from './extract-field';
import { FILTER_CONFIG_DEF, Filter } from './filter';
import { FLATTEN_CONFIG_DEF, Flatten } from './flatten';
import { HEADER_FROM_CONFIG_DEF, HeaderFrom } from './header-from';
import { HOIST_FIELD_CONFIG_DEF, HoistField } from './hoist-field';
import { INSERT_FIELD_CONFIG_DEF, InsertField } from './insert-field';
import { INSERT_HEADER_CONFIG_DEF, InsertHeader } from './insert-header';
import { MASK_FIELD_CONFIG_DEF, MaskField } from './mask-field';
import { REGEX_ROUTER_CONFIG_DEF, RegexRouter } from './regex-router';
import { REPLACE_FIELD_CONFIG_DEF, ReplaceField } from './replace-field';
import { SET_SCHEMA_METADATA_CONFIG_DEF, SetSchemaMetadata } from './set-schema-metadata';
import { TIMESTAMP_CONVERTER_CONFIG_DEF, TimestampConverter } from './timestamp-converter';
import { TIMESTAMP_ROUTER_CONFIG_DEF, TimestampRouter } from './timestamp-router';
import type { Predicate, Transformation } from './transformation';
import { TRANSFORMS_PACKAGE, TRANSFORMS_VERSION } from './transformation';
import { KEY, VALUE } from './util/key-value';
import type { RecordSide } from './util/key-value';
import { VALUE_TO_KEY_CONFIG_DEF, ValueToKey } from './value-to-key';

/** Any record type (source or sink): plugins are generic over it, as in Java. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the R of ConnectRecord<R> is erased here as in Java's raw types
type AnyRecord = ConnectRecord<any>;

export interface TransformationPlugin {
  readonly type: 'transformation';
  /** Java class name, e.g. org.apache.kafka.connect.transforms.InsertField$Value. */
  readonly className: string;
  readonly version: string;
  readonly configDef: ConfigDef;
  /** PluginUtils aliases (simple name and the name without the type suffix) that are unambiguous. */
  readonly aliases: readonly string[];
  /** Documentation (the class's OVERVIEW_DOC) — used by GET /connector-plugins/{p}/config consumers. */
  factory<R extends AnyRecord>(): Transformation<R>;
}

export interface PredicatePlugin {
  readonly type: 'predicate';
  readonly className: string;
  readonly version: string;
  readonly configDef: ConfigDef;
  readonly aliases: readonly string[];
  factory<R extends AnyRecord>(): Predicate<R>;
}

export type SmtPlugin = TransformationPlugin | PredicatePlugin;

/** Class.getSimpleName(): for a nested class (`InsertField$Value`) it is the nested name (`Value`). */
export function javaSimpleName(className: string): string {
  const afterDot = className.slice(className.lastIndexOf('.') + 1);
  return afterDot.slice(afterDot.lastIndexOf('$') + 1);
}

type Make = (side: RecordSide) => Transformation<AnyRecord>;

function keyValue(name: string, configDef: ConfigDef, make: Make): TransformationPlugin[] {
  return [KEY, VALUE].map((side) => ({
    type: 'transformation' as const,
    className: `${TRANSFORMS_PACKAGE}.${name}$${side.name}`,
    version: TRANSFORMS_VERSION,
    configDef,
    aliases: [],
    factory: <R extends AnyRecord>() => make(side) as unknown as Transformation<R>,
  }));
}

function single(
  name: string,
  configDef: ConfigDef,
  make: () => Transformation<AnyRecord>,
): TransformationPlugin {
  return {
    type: 'transformation',
    className: `${TRANSFORMS_PACKAGE}.${name}`,
    version: TRANSFORMS_VERSION,
    configDef,
    aliases: [],
    factory: <R extends AnyRecord>() => make() as unknown as Transformation<R>,
  };
}

function predicate(name: string, configDef: ConfigDef, make: () => Predicate<AnyRecord>): PredicatePlugin {
  return {
    type: 'predicate',
    className: `${TRANSFORMS_PACKAGE}.predicates.${name}`,
    version: TRANSFORMS_VERSION,
    configDef,
    aliases: [],
    factory: <R extends AnyRecord>() => make() as Predicate<R>,
  };
}

const BASE: SmtPlugin[] = [
  ...keyValue('Cast', CAST_CONFIG_DEF, (s) => new Cast(s)),
  single('DropHeaders', DROP_HEADERS_CONFIG_DEF, () => new DropHeaders()),
  ...keyValue('ExtractField', EXTRACT_FIELD_CONFIG_DEF, (s) => new ExtractField(s)),
  single('Filter', FILTER_CONFIG_DEF, () => new Filter()),
  ...keyValue('Flatten', FLATTEN_CONFIG_DEF, (s) => new Flatten(s)),
  ...keyValue('HeaderFrom', HEADER_FROM_CONFIG_DEF, (s) => new HeaderFrom(s)),
  ...keyValue('HoistField', HOIST_FIELD_CONFIG_DEF, (s) => new HoistField(s)),
  ...keyValue('InsertField', INSERT_FIELD_CONFIG_DEF, (s) => new InsertField(s)),
  single('InsertHeader', INSERT_HEADER_CONFIG_DEF, () => new InsertHeader()),
  ...keyValue('MaskField', MASK_FIELD_CONFIG_DEF, (s) => new MaskField(s)),
  single('RegexRouter', REGEX_ROUTER_CONFIG_DEF, () => new RegexRouter()),
  ...keyValue('ReplaceField', REPLACE_FIELD_CONFIG_DEF, (s) => new ReplaceField(s)),
  ...keyValue('SetSchemaMetadata', SET_SCHEMA_METADATA_CONFIG_DEF, (s) => new SetSchemaMetadata(s)),
  ...keyValue('TimestampConverter', TIMESTAMP_CONVERTER_CONFIG_DEF, (s) => new TimestampConverter(s)),
  single('TimestampRouter', TIMESTAMP_ROUTER_CONFIG_DEF, () => new TimestampRouter()),
  single('ValueToKey', VALUE_TO_KEY_CONFIG_DEF, () => new ValueToKey()),
  predicate('HasHeaderKey', HAS_HEADER_KEY_CONFIG_DEF, () => new HasHeaderKey()),
  predicate('RecordIsTombstone', RECORD_IS_TOMBSTONE_CONFIG_DEF, () => new RecordIsTombstone()),
  predicate('TopicNameMatches', TOPIC_NAME_MATCHES_CONFIG_DEF, () => new TopicNameMatches()),
];

/**
 * PluginUtils.computeAliases over a set of plugins: each plugin's simple name and pruned name
 * (simple name without the `Transformation` / `Predicate` suffix) become aliases unless another
 * plugin claims the same alias. Pass every plugin the worker knows (connectors, converters too) for
 * Connect's exact collision rules; by default only these SMTs and predicates.
 */
export function computeAliases(plugins: readonly { className: string; type: string }[]): Map<string, string> {
  const claims = new Map<string, Set<string>>();
  const claim = (alias: string, className: string): void => {
    const set = claims.get(alias) ?? new Set<string>();
    set.add(className);
    claims.set(alias, set);
  };
  for (const p of plugins) {
    const simple = javaSimpleName(p.className);
    claim(simple, p.className);
    const suffix =
      p.type === 'source' || p.type === 'sink'
        ? 'Connector'
        : p.type === 'transformation'
          ? 'Transformation'
          : p.type === 'predicate'
            ? 'Predicate'
            : p.type === 'converter' || p.type === 'header_converter'
              ? p.type === 'converter'
                ? 'Converter'
                : 'HeaderConverter'
              : '';
    const pos = suffix === '' ? -1 : simple.lastIndexOf(suffix);
    claim(pos > 0 ? simple.substring(0, pos) : simple, p.className);
  }
  const out = new Map<string, string>();
  for (const [alias, classes] of claims) if (classes.size === 1) out.set(alias, [...classes][0] ?? '');
  return out;
}

const ALIASES = computeAliases(BASE);

/**
 * Every built-in transformation and predicate, className → plugin. Keys are the Java class names
 * (with `$Key` / `$Value` for nested variants); `aliases` lists the unambiguous short names
 * (`RegexRouter`, `ValueToKey`, `TopicNameMatches`...). Nested variants have no alias in Connect
 * (their simple names `Key`/`Value` collide), so `InsertField$Value` must be given in full.
 */
export const SMT_PLUGINS: ReadonlyMap<string, SmtPlugin> = new Map(
  BASE.map((p) => {
    const aliases = [...ALIASES].filter(([, c]) => c === p.className).map(([a]) => a);
    return [p.className, { ...p, aliases }];
  }),
);

/** Finds a plugin of the given kind by class name or alias (as Plugins.pluginClass does). */
export function findSmtPlugin(name: string, type: 'transformation'): TransformationPlugin | undefined;
export function findSmtPlugin(name: string, type: 'predicate'): PredicatePlugin | undefined;
export function findSmtPlugin(name: string, type: SmtPlugin['type']): SmtPlugin | undefined {
  const trimmed = name.trim();
  const direct = SMT_PLUGINS.get(trimmed) ?? SMT_PLUGINS.get(ALIASES.get(trimmed) ?? '');
  return direct !== undefined && direct.type === type ? direct : undefined;
}
