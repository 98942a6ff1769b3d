/**
 * The REST entities of config validation, exactly as the Connect 4.4 worker serializes them
 * (observed on the real worker): ConfigKeyInfo's fields are, in this order, name, type, required,
 * default_value, importance, documentation, group, order_in_group, width, display_name, dependents.
 * The entity types themselves live in protocol/connect-rest/entities.ts (shared with the extension's client).
 * Plus AbstractHerder's convertConfigKey / convertConfigValue / generateResult / prefixedConfigInfos /
 * mergeConfigInfos.
 */
import type {
  ConfigInfo,
  ConfigInfos,
  ConfigKeyInfo,
  ConfigValueInfo,
} from '../../protocol/connect-rest/entities';
import type { ConfigKey, ConfigType } from './config-def';
import { ConfigDef } from './config-def';
import { ConfigValue } from './config-value';

export type {
  ConfigInfo,
  ConfigInfos,
  ConfigKeyInfo,
  ConfigValueInfo,
} from '../../protocol/connect-rest/entities';

/** AbstractHerder.convertConfigKey(key, prefix): required = no default; defaults in string form. */
export function toConfigKeyInfo(key: ConfigKey, prefix = ''): ConfigKeyInfo {
  const required = !key.hasDefault();
  return {
    name: prefix + key.name,
    type: key.type,
    required,
    default_value: required ? null : ConfigDef.convertToString(key.defaultValue, key.type),
    importance: key.importance,
    documentation: key.documentation,
    group: key.group,
    order_in_group: key.orderInGroup,
    width: key.width,
    display_name: key.displayName,
    dependents: [...key.dependents],
  };
}

/** AbstractHerder.convertConfigValue(value, type): PASSWORD values render as "[hidden]". */
export function toConfigValueInfo(value: ConfigValue, type: ConfigType | null): ConfigValueInfo {
  // For LIST keys the recommended values are single entries, so they are rendered as STRING.
  const recType = type === 'LIST' ? 'STRING' : type;
  return {
    name: value.name,
    value: ConfigDef.convertToString(value.value, type),
    recommended_values: value.recommendedValues.map((o) => ConfigDef.convertToString(o, recType) ?? 'null'),
    errors: [...value.errorMessages],
    visible: value.visible,
  };
}

/**
 * AbstractHerder.generateResult: first every value that has no key (definition null, in the order
 * given), then one entry per key in key order (value null when no ConfigValue exists). error_count
 * counts every error string of those entries.
 */
export function generateResult(
  connType: string,
  configKeys: ReadonlyMap<string, ConfigKey>,
  configValues: readonly ConfigValue[],
  groups: readonly string[],
): ConfigInfos {
  let errorCount = 0;
  const configs: ConfigInfo[] = [];
  const valueMap = new Map<string, ConfigValue>();
  for (const v of configValues) {
    valueMap.set(v.name, v);
    if (!configKeys.has(v.name)) {
      configs.push({ definition: null, value: toConfigValueInfo(v, null) });
      errorCount += v.errorMessages.length;
    }
  }
  for (const [name, key] of configKeys) {
    const v = valueMap.get(name);
    if (v) errorCount += v.errorMessages.length;
    configs.push({ definition: toConfigKeyInfo(key), value: v ? toConfigValueInfo(v, key.type) : null });
  }
  return { name: connType, error_count: errorCount, groups: [...groups], configs };
}

/**
 * AbstractHerder.prefixedConfigInfos (client overrides, converter configs): names prefixed, groups of
 * the keys met, and error_count = number of values with at least one error (not of messages).
 */
export function prefixedConfigInfos(
  configKeys: ReadonlyMap<string, ConfigKey>,
  configValues: readonly ConfigValue[],
  prefix: string,
): ConfigInfos {
  let errorCount = 0;
  const groups: string[] = [];
  const configs: ConfigInfo[] = [];
  for (const validated of configValues) {
    const key = configKeys.get(validated.name);
    if (key?.group != null && !groups.includes(key.group)) groups.push(key.group);
    const v = new ConfigValue(
      prefix + validated.name,
      validated.value,
      validated.recommendedValues,
      validated.errorMessages,
    );
    if (v.errorMessages.length > 0) errorCount++;
    configs.push({
      definition: key ? toConfigKeyInfo(key, prefix) : null,
      value: toConfigValueInfo(v, key ? key.type : null),
    });
  }
  return { name: '', error_count: errorCount, groups, configs };
}

/** AbstractHerder.mergeConfigInfos: sums error counts, concatenates configs, unions groups in order. */
export function mergeConfigInfos(
  connType: string,
  ...parts: (ConfigInfos | null | undefined)[]
): ConfigInfos {
  let errorCount = 0;
  const groups: string[] = [];
  const configs: ConfigInfo[] = [];
  for (const p of parts) {
    if (!p) continue;
    errorCount += p.error_count;
    configs.push(...p.configs);
    for (const g of p.groups) if (!groups.includes(g)) groups.push(g);
  }
  return { name: connType, error_count: errorCount, groups, configs };
}
