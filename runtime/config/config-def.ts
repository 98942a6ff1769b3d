/**
 * org.apache.kafka.common.config.ConfigDef (Kafka 4.4 semantics) in TypeScript: one declaration per
 * plugin drives parse(), validate()/validateAll() (ConfigValue with dependents, recommenders and
 * visibility), the REST entities (config-infos.ts) and, later, JSON schemas.
 *
 * Parsed value types: BOOLEAN boolean · STRING string · INT/SHORT number · LONG bigint (house rule:
 * int64 is bigint everywhere) · DOUBLE number · LIST string[] · CLASS JavaClass · PASSWORD Password.
 */
import { ConfigException } from './config-exception';
import { ConfigValue } from './config-value';
import {
  JavaClass,
  Password,
  javaDoubleToString,
  javaToString,
  javaTrim,
  parseJavaDouble,
  parseJavaInteger,
} from './java-compat';
import { ValidList } from './validators';
import type { Validator } from './validators';

export type ConfigType =
  'BOOLEAN' | 'STRING' | 'INT' | 'SHORT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';
export type Importance = 'HIGH' | 'MEDIUM' | 'LOW';
export type Width = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';

const IMPORTANCE_ORDER: Record<Importance, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** ConfigDef.NO_DEFAULT_VALUE: the key is required. */
export const NO_DEFAULT_VALUE: unique symbol = Symbol('ConfigDef.NO_DEFAULT_VALUE');
export type NoDefault = typeof NO_DEFAULT_VALUE;

/** ConfigDef.Recommender: valid values and visibility of a key given the other parsed values. */
export interface Recommender {
  validValues(name: string, parsedConfig: ReadonlyMap<string, unknown>): unknown[];
  visible(name: string, parsedConfig: ReadonlyMap<string, unknown>): boolean;
}

/** How CLASS values are resolved; the runtime has no JVM, so callers say which names exist. */
export interface ParseOptions {
  /**
   * The fully-qualified name a (trimmed) class name or plugin alias loads as, or undefined when it
   * cannot be loaded. Connect 4.4 resolves plugin aliases here ("Filter" → org.apache...Filter).
   * Default: the name itself when non-empty.
   */
  resolveClass?: (className: string) => string | undefined;
  /** Older form of resolveClass: true when the name loads (kept as is). */
  classExists?: (className: string) => boolean;
}

/** The argument of ConfigDef.define(): Java's overloads collapsed into one object. */
export interface ConfigKeyDefinition {
  name: string;
  type: ConfigType;
  /** Omit for a required key (NO_DEFAULT_VALUE); null is a real default of null. */
  defaultValue?: unknown;
  validator?: Validator | null;
  importance: Importance;
  documentation: string | null;
  /** Omitted: group null, orderInGroup -1, width NONE, displayName = name (Java's short overloads). */
  group?: string | null;
  orderInGroup?: number;
  width?: Width;
  displayName?: string;
  dependents?: readonly string[];
  recommender?: Recommender | null;
  internalConfig?: boolean;
  alternativeString?: string | null;
}

/** ConfigDef.ConfigKey; defaultValue is already parsed (or NO_DEFAULT_VALUE). */
export class ConfigKey {
  readonly name: string;
  readonly type: ConfigType;
  readonly defaultValue: unknown;
  readonly validator: Validator | null;
  readonly importance: Importance;
  readonly documentation: string | null;
  readonly group: string | null;
  readonly orderInGroup: number;
  readonly width: Width;
  readonly displayName: string;
  readonly dependents: readonly string[];
  readonly recommender: Recommender | null;
  readonly internalConfig: boolean;
  readonly alternativeString: string | null;

  constructor(d: ConfigKeyDefinition, options: ParseOptions = {}) {
    this.name = d.name;
    this.type = d.type;
    const rawDefault = 'defaultValue' in d ? d.defaultValue : NO_DEFAULT_VALUE;
    // Like Java's ConfigKey: defaults are parsed to the key's type, then validated.
    this.defaultValue =
      rawDefault === NO_DEFAULT_VALUE
        ? NO_DEFAULT_VALUE
        : ConfigDef.parseType(d.name, rawDefault, d.type, options);
    this.validator = d.validator ?? null;
    this.importance = d.importance;
    this.documentation = d.documentation;
    this.group = d.group ?? null;
    this.orderInGroup = d.orderInGroup ?? -1;
    this.width = d.width ?? 'NONE';
    this.displayName = d.displayName ?? d.name;
    this.dependents = [...(d.dependents ?? [])];
    this.recommender = d.recommender ?? null;
    this.internalConfig = d.internalConfig ?? false;
    this.alternativeString = d.alternativeString ?? null;
    if (this.validator && this.hasDefault()) runValidator(this, this.defaultValue);
  }

  hasDefault(): boolean {
    return this.defaultValue !== NO_DEFAULT_VALUE;
  }

  /** A copy with some fields replaced, without re-parsing the default (used by embed()). */
  with(changes: Partial<Omit<ConfigKeyDefinition, 'defaultValue' | 'type'>>): ConfigKey {
    const copy = Object.create(ConfigKey.prototype) as ConfigKey;
    Object.assign(copy, this, changes);
    return copy;
  }
}

function javaClassNameOf(value: unknown): string {
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'bigint') return 'java.lang.Long';
  if (typeof value === 'number') return Number.isInteger(value) ? 'java.lang.Integer' : 'java.lang.Double';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (value instanceof Password) return 'org.apache.kafka.common.config.types.Password';
  if (value instanceof JavaClass) return 'java.lang.Class';
  return 'java.util.LinkedHashMap';
}

/**
 * Runs a key's validator. For DOUBLE keys Java prints the boxed Double ("11.0"), JS prints "11":
 * the "Invalid value <v>" prefix of the message is rewritten to Java's form.
 */
function runValidator(key: ConfigKey, value: unknown): void {
  if (!key.validator) return;
  try {
    key.validator.ensureValid(key.name, value);
  } catch (e) {
    if (key.type === 'DOUBLE' && typeof value === 'number' && e instanceof ConfigException) {
      const js = `Invalid value ${String(value)} for configuration `;
      if (e.message.startsWith(js)) {
        throw new ConfigException(
          `Invalid value ${javaDoubleToString(value)} for configuration ${e.message.slice(js.length)}`,
        );
      }
    }
    throw e;
  }
}

export class ConfigDef {
  private readonly keys: Map<string, ConfigKey>;
  private readonly groupList: string[];

  /** new ConfigDef() or the copy constructor new ConfigDef(base). */
  constructor(base?: ConfigDef) {
    this.keys = new Map(base ? base.keys : []);
    this.groupList = base ? [...base.groupList] : [];
  }

  /** define(...): adds a key; throws "Configuration <name> is defined twice." on a duplicate. */
  define(definition: ConfigKeyDefinition | ConfigKey, options?: ParseOptions): this {
    const key = definition instanceof ConfigKey ? definition : new ConfigKey(definition, options);
    if (this.keys.has(key.name)) throw new ConfigException(`Configuration ${key.name} is defined twice.`);
    if (key.group !== null && !this.groupList.includes(key.group)) this.groupList.push(key.group);
    this.keys.set(key.name, key);
    return this;
  }

  /** defineInternal: a key hidden from documentation (importance as given, doc ""). */
  defineInternal(
    name: string,
    type: ConfigType,
    defaultValue: unknown,
    importance: Importance,
    validator?: Validator,
  ): this {
    return this.define({
      name,
      type,
      defaultValue,
      validator: validator ?? null,
      importance,
      documentation: '',
      internalConfig: true,
    });
  }

  names(): string[] {
    return [...this.keys.keys()];
  }

  /** Keys in definition order (Java LinkedHashMap). */
  configKeys(): ReadonlyMap<string, ConfigKey> {
    return this.keys;
  }

  groups(): readonly string[] {
    return this.groupList;
  }

  defaultValues(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const key of this.keys.values()) if (key.hasDefault()) out.set(key.name, key.defaultValue);
    return out;
  }

  /**
   * ConfigDef.parse: every defined key parsed (or defaulted) and validated; throws the first
   * ConfigException. Keys not defined here are ignored.
   */
  parse(props: Readonly<Record<string, unknown>>, options: ParseOptions = {}): Map<string, unknown> {
    const undefinedKeys = this.undefinedDependentConfigs();
    if (undefinedKeys.length > 0) {
      throw new ConfigException(
        `Some configurations in are referred in the dependents, but not defined: ${undefinedKeys.join(',')}`,
      );
    }
    const values = new Map<string, unknown>();
    for (const key of this.keys.values()) {
      values.set(key.name, this.parseValue(key, props[key.name], Object.hasOwn(props, key.name), options));
    }
    return values;
  }

  private parseValue(key: ConfigKey, value: unknown, isSet: boolean, options: ParseOptions): unknown {
    let parsed: unknown;
    if (isSet) parsed = ConfigDef.parseType(key.name, value, key.type, options);
    else if (!key.hasDefault())
      throw new ConfigException(`Missing required configuration "${key.name}" which has no default value.`);
    else parsed = key.defaultValue;
    // Kafka 4.2+: a ValidList key with duplicate entries is de-duplicated (with a warning) when parsed.
    if (
      key.validator instanceof ValidList &&
      Array.isArray(parsed) &&
      new Set(parsed).size !== parsed.length
    ) {
      parsed = [...new Set(parsed)];
    }
    runValidator(key, parsed);
    return parsed;
  }

  /** ConfigDef.validate: the ConfigValues in Java HashMap order (callers rarely rely on it). */
  validate(props: Readonly<Record<string, string | null>>, options: ParseOptions = {}): ConfigValue[] {
    return [...this.validateAll(props, options).values()];
  }

  /**
   * ConfigDef.validateAll. The returned Map iterates in insertion order (defined keys, then undefined
   * dependents); Java's is a HashMap, use javaHashOrder() on its keys where Connect's output depends on it.
   */
  validateAll(
    props: Readonly<Record<string, string | null>>,
    options: ParseOptions = {},
  ): Map<string, ConfigValue> {
    const configValues = new Map<string, ConfigValue>();
    for (const name of this.keys.keys()) configValues.set(name, new ConfigValue(name));
    for (const undefinedKey of this.undefinedDependentConfigs()) {
      const v = new ConfigValue(undefinedKey);
      v.addErrorMessage(`${undefinedKey} is referred in the dependents, but not defined.`);
      v.visible = false;
      configValues.set(undefinedKey, v);
    }
    const parsed = new Map<string, unknown>();
    const roots = this.configsWithNoParent();
    for (const name of roots) this.parseForValidate(name, props, parsed, configValues, options);
    for (const name of roots) this.validateKey(name, parsed, configValues);
    return configValues;
  }

  private parseForValidate(
    name: string,
    props: Readonly<Record<string, string | null>>,
    parsed: Map<string, unknown>,
    configs: Map<string, ConfigValue>,
    options: ParseOptions,
  ): void {
    const key = this.keys.get(name);
    const config = configs.get(name);
    if (!key || !config) return;
    let value: unknown = null;
    if (Object.hasOwn(props, key.name)) {
      try {
        value = ConfigDef.parseType(key.name, props[key.name], key.type, options);
      } catch (e) {
        if (!(e instanceof ConfigException)) throw e;
        config.addErrorMessage(e.message);
      }
    } else if (!key.hasDefault()) {
      config.addErrorMessage(`Missing required configuration "${key.name}" which has no default value.`);
    } else {
      value = key.defaultValue;
    }
    // Java runs the validator even after a parse failure (value null), hence e.g. Range's second error.
    if (key.validator) {
      try {
        runValidator(key, value);
      } catch (e) {
        if (!(e instanceof ConfigException)) throw e;
        config.addErrorMessage(e.message);
      }
    }
    config.value = value;
    parsed.set(name, value);
    for (const dependent of key.dependents) this.parseForValidate(dependent, props, parsed, configs, options);
  }

  private validateKey(
    name: string,
    parsed: ReadonlyMap<string, unknown>,
    configs: Map<string, ConfigValue>,
  ): void {
    const key = this.keys.get(name);
    const value = configs.get(name);
    if (!key || !value) return;
    if (key.recommender) {
      try {
        let recommended = [...key.recommender.validValues(name, parsed)];
        if (value.recommendedValues.length > 0) {
          const original = new Set(value.recommendedValues);
          recommended = recommended.filter((o) => original.has(o));
        }
        value.recommendedValues = recommended;
        value.visible = key.recommender.visible(name, parsed);
      } catch (e) {
        if (!(e instanceof ConfigException)) throw e;
        value.addErrorMessage(e.message);
      }
    }
    for (const dependent of key.dependents) this.validateKey(dependent, parsed, configs);
  }

  private undefinedDependentConfigs(): string[] {
    const out: string[] = [];
    for (const key of this.keys.values()) {
      for (const d of key.dependents) if (!this.keys.has(d) && !out.includes(d)) out.push(d);
    }
    return out;
  }

  private configsWithNoParent(): string[] {
    const withParent = new Set<string>();
    for (const key of this.keys.values()) for (const d of key.dependents) withParent.add(d);
    return [...this.keys.keys()].filter((k) => !withParent.has(k));
  }

  /**
   * ConfigDef.parseType: strings are trimmed; BOOLEAN accepts true/false in any case; numbers use
   * Java's parse rules and ranges; LIST splits on commas with surrounding whitespace ("" → []).
   */
  static parseType(name: string, value: unknown, type: ConfigType, options: ParseOptions = {}): unknown {
    if (value === null || value === undefined) return null;
    const trimmed = typeof value === 'string' ? javaTrim(value) : null;
    const notNumber = (): ConfigException => new ConfigException(name, value, `Not a number of type ${type}`);
    switch (type) {
      case 'BOOLEAN':
        if (trimmed !== null) {
          if (trimmed.toLowerCase() === 'true') return true;
          if (trimmed.toLowerCase() === 'false') return false;
        } else if (typeof value === 'boolean') return value;
        throw new ConfigException(name, value, 'Expected value to be either true or false');
      case 'PASSWORD':
        if (value instanceof Password) return value;
        if (trimmed !== null) return new Password(trimmed);
        throw new ConfigException(
          name,
          value,
          `Expected value to be a string, but it was a ${javaClassNameOf(value)}`,
        );
      case 'STRING':
        if (trimmed !== null) return trimmed;
        throw new ConfigException(
          name,
          value,
          `Expected value to be a string, but it was a ${javaClassNameOf(value)}`,
        );
      case 'INT':
      case 'SHORT': {
        const bits = type === 'INT' ? 32 : 16;
        if (
          typeof value === 'number' &&
          Number.isInteger(value) &&
          parseJavaInteger(String(value), bits) !== undefined
        )
          return value;
        if (trimmed !== null) {
          const n = parseJavaInteger(trimmed, bits);
          if (n === undefined) throw notNumber();
          return Number(n);
        }
        const what = type === 'INT' ? 'a 32-bit integer' : 'a 16-bit integer (short)';
        throw new ConfigException(
          name,
          value,
          `Expected value to be ${what}, but it was a ${javaClassNameOf(value)}`,
        );
      }
      case 'LONG':
        if (typeof value === 'bigint') return value;
        if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
        if (trimmed !== null) {
          const n = parseJavaInteger(trimmed, 64);
          if (n === undefined) throw notNumber();
          return n;
        }
        throw new ConfigException(
          name,
          value,
          `Expected value to be a 64-bit integer (long), but it was a ${javaClassNameOf(value)}`,
        );
      case 'DOUBLE':
        if (typeof value === 'number') return value;
        if (typeof value === 'bigint') return Number(value);
        if (trimmed !== null) {
          const d = parseJavaDouble(trimmed);
          if (d === undefined) throw notNumber();
          return d;
        }
        throw new ConfigException(
          name,
          value,
          `Expected value to be a double, but it was a ${javaClassNameOf(value)}`,
        );
      case 'LIST':
        if (Array.isArray(value)) return value;
        if (trimmed !== null) return trimmed.length === 0 ? [] : trimmed.split(/\s*,\s*/);
        throw new ConfigException(name, value, 'Expected a comma separated list.');
      case 'CLASS': {
        if (value instanceof JavaClass) return value;
        if (trimmed !== null) {
          const exists = options.classExists ?? ((n: string) => n.length > 0);
          const resolved = options.resolveClass
            ? options.resolveClass(trimmed)
            : exists(trimmed)
              ? trimmed
              : undefined;
          if (resolved === undefined) {
            throw new ConfigException(name, value, `Class ${javaToString(value)} could not be found.`);
          }
          return new JavaClass(resolved);
        }
        throw new ConfigException(name, value, 'Expected a Class instance or class name.');
      }
    }
  }

  /** ConfigDef.convertToString: the string form used by REST (LIST joined with ",", CLASS → name). */
  static convertToString(parsedValue: unknown, type: ConfigType | null): string | null {
    if (parsedValue === null || parsedValue === undefined) return null;
    if (type === 'LIST' && Array.isArray(parsedValue))
      return parsedValue.map((v) => javaToString(v)).join(',');
    if (type === 'CLASS' && parsedValue instanceof JavaClass) return parsedValue.name;
    if (type === 'DOUBLE' && typeof parsedValue === 'number') return javaDoubleToString(parsedValue);
    return javaToString(parsedValue);
  }

  /**
   * ConfigDef.embed: defines every key of `child` (in its sortedConfigs() order) under `keyPrefix`,
   * in group `groupPrefix[: childGroup]`, numbering orderInGroup from `startingOrd`. Validators and
   * recommenders see the unprefixed names, as in Java.
   */
  embed(keyPrefix: string, groupPrefix: string, startingOrd: number, child: ConfigDef): void {
    let order = startingOrd;
    for (const key of child.sortedConfigs()) {
      const base = key.validator;
      const rec = key.recommender;
      this.define(
        key.with({
          name: keyPrefix + key.name,
          validator: base ? embeddedValidator(keyPrefix, base) : null,
          group: groupPrefix + (key.group === null ? '' : `: ${key.group}`),
          orderInGroup: order++,
          dependents: key.dependents.map((d) => keyPrefix + d),
          recommender: rec ? embeddedRecommender(keyPrefix, rec) : null,
        }),
      );
    }
  }

  /** Keys ordered as Java's sortedConfigs(): group order, orderInGroup, required first, importance, name. */
  sortedConfigs(): ConfigKey[] {
    const groupOrd = new Map(this.groupList.map((g, i) => [g, i]));
    return [...this.keys.values()].sort((k1, k2) => {
      let cmp =
        k1.group === null
          ? k2.group === null
            ? 0
            : -1
          : k2.group === null
            ? 1
            : (groupOrd.get(k1.group) ?? 0) - (groupOrd.get(k2.group) ?? 0);
      if (cmp !== 0) return cmp;
      cmp = k1.orderInGroup - k2.orderInGroup;
      if (cmp !== 0) return cmp;
      if (!k1.hasDefault() && k2.hasDefault()) return -1;
      if (!k2.hasDefault() && k1.hasDefault()) return 1;
      cmp = IMPORTANCE_ORDER[k1.importance] - IMPORTANCE_ORDER[k2.importance];
      if (cmp !== 0) return cmp;
      return k1.name < k2.name ? -1 : k1.name > k2.name ? 1 : 0;
    });
  }
}

function embeddedValidator(keyPrefix: string, base: Validator): Validator {
  return {
    ensureValid: (name, value) => base.ensureValid(name.substring(keyPrefix.length), value),
    toString: () => base.toString(),
  };
}

function embeddedRecommender(keyPrefix: string, base: Recommender): Recommender {
  const unprefixed = (parsed: ReadonlyMap<string, unknown>): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    for (const [k, v] of parsed) if (k.startsWith(keyPrefix)) out.set(k.substring(keyPrefix.length), v);
    return out;
  };
  return {
    validValues: (name, parsed) => base.validValues(name.substring(keyPrefix.length), unprefixed(parsed)),
    visible: (name, parsed) => base.visible(name.substring(keyPrefix.length), unprefixed(parsed)),
  };
}
