/**
 * ConnectorConfig.enrich (Connect 4.4): for every alias in `transforms` / `predicates` adds
 * <prefix>type (CLASS, required, order 0), <prefix>plugin.version (order 1) and, when the class is a
 * known plugin of the right kind, its own keys embedded under the prefix from order 2 (for
 * transformations together with the implicit `predicate` and `negate` keys).
 */
import { ConfigDef, NO_DEFAULT_VALUE } from './config-def';
import type { Recommender } from './config-def';
import { ConfigException } from './config-exception';
import { PREDICATES_CONFIG, PREDICATES_GROUP, TRANSFORMS_CONFIG, TRANSFORMS_GROUP } from './connector-config';
import { JavaClass } from './java-compat';
import { isKind } from './plugin-lookup';
import type { PluginKind, PluginLister, PluginLookup } from './plugin-lookup';
import { LambdaValidator } from './validators';

export const PREDICATE_CONFIG = 'predicate';
export const NEGATE_CONFIG = 'negate';

interface EnrichableKind {
  kind: Extract<PluginKind, 'transformation' | 'predicate'>;
  /** "Transformation" / "Predicate": Java's aliasKind and the base interface's simple name. */
  label: string;
  aliasConfig: string;
  group: string;
}

const TRANSFORMATIONS: EnrichableKind = {
  kind: 'transformation',
  label: 'Transformation',
  aliasConfig: TRANSFORMS_CONFIG,
  group: TRANSFORMS_GROUP,
};
const PREDICATES: EnrichableKind = {
  kind: 'predicate',
  label: 'Predicate',
  aliasConfig: PREDICATES_CONFIG,
  group: PREDICATES_GROUP,
};

/** The implicit keys every transformation gets. */
export function transformationImplicitConfigDef(): ConfigDef {
  return new ConfigDef()
    .define({
      name: PREDICATE_CONFIG,
      type: 'STRING',
      defaultValue: null,
      importance: 'MEDIUM',
      documentation: 'The alias of a predicate used to determine whether to apply this transformation.',
    })
    .define({
      name: NEGATE_CONFIG,
      type: 'BOOLEAN',
      defaultValue: false,
      importance: 'MEDIUM',
      documentation: 'Whether the configured predicate should be negated.',
    });
}

function aliasesOf(props: Readonly<Record<string, string | null>>, aliasConfig: string): string[] {
  const parsed = ConfigDef.parseType(aliasConfig, props[aliasConfig], 'LIST');
  return Array.isArray(parsed) ? [...new Set(parsed as string[])] : [];
}

function enrichKind(
  newDef: ConfigDef,
  k: EnrichableKind,
  props: Readonly<Record<string, string | null>>,
  lookup: PluginLookup,
  lister: PluginLister | undefined,
): void {
  const kindLower = k.label.toLowerCase();
  for (const alias of aliasesOf(props, k.aliasConfig)) {
    const prefix = `${k.aliasConfig}.${alias}.`;
    const group = `${k.group}: ${alias}`;
    const typeConfig = `${prefix}type`;
    const typeValidator = LambdaValidator.with(
      (_name, value) => {
        if (k.kind === 'transformation') {
          const negate = `${prefix}${NEGATE_CONFIG}`;
          const predicate = `${prefix}${PREDICATE_CONFIG}`;
          if (Object.hasOwn(props, negate) && !Object.hasOwn(props, predicate)) {
            throw new ConfigException(
              `Config '${negate}' was provided but there is no config '${predicate}' defining a predicate to be negated.`,
            );
          }
        }
        // null: the class could not be found; that error is already reported.
        if (value instanceof JavaClass && !isKind(lookup(value.name), k.kind)) {
          throw new ConfigException(`Class ${value.toString()} does not implement the ${k.label} interface`);
        }
      },
      () => `valid configs for ${alias} ${kindLower}`,
    );
    const classRecommender: Recommender = {
      validValues: () => [...(lister?.(k.kind) ?? [])],
      visible: () => true,
    };
    newDef.define({
      name: typeConfig,
      type: 'CLASS',
      defaultValue: NO_DEFAULT_VALUE,
      validator: typeValidator,
      importance: 'HIGH',
      documentation: `Class for the '${alias}' ${kindLower}.`,
      group,
      orderInGroup: 0,
      width: 'LONG',
      displayName: `${k.label} type for ${alias}`,
      recommender: classRecommender,
    });

    // Like Connect, the default and the embedded keys come from the raw (untrimmed) value, while the
    // recommender sees the parsed (trimmed) class.
    const raw = props[typeConfig];
    const desc = typeof raw === 'string' ? lookup(raw) : undefined;
    const plugin = isKind(desc, k.kind) ? desc : undefined;
    newDef.define({
      name: `${prefix}plugin.version`,
      type: 'STRING',
      defaultValue: plugin?.version ?? null,
      importance: 'HIGH',
      documentation: `Version of the '${alias}' ${kindLower}.`,
      group,
      orderInGroup: 1,
      width: 'LONG',
      displayName: `${k.label} version for ${alias}`,
      recommender: {
        validValues: (_name, parsed) => {
          const cls = parsed.get(typeConfig);
          const d = cls instanceof JavaClass ? lookup(cls.name) : undefined;
          return isKind(d, k.kind) && d.version !== undefined ? [d.version] : [];
        },
        visible: () => true,
      },
    });

    if (!plugin) continue;
    const child = k.kind === 'transformation' ? transformationImplicitConfigDef() : new ConfigDef();
    for (const key of plugin.configDef.configKeys().values()) {
      // The implicit keys mask a transformation's own keys of the same name.
      if (k.kind === 'transformation' && (key.name === PREDICATE_CONFIG || key.name === NEGATE_CONFIG))
        continue;
      child.define(key);
    }
    newDef.embed(prefix, group, 2, child);
  }
}

/**
 * ConnectorConfig.enrich(plugins, baseConfigDef, props, requireFullConfig=false): a copy of `base`
 * with the per-alias transformation and predicate keys. Aliases are de-duplicated, in order.
 */
export function enrich(
  base: ConfigDef,
  props: Readonly<Record<string, string | null>>,
  lookup: PluginLookup,
  lister?: PluginLister,
): ConfigDef {
  const newDef = new ConfigDef(base);
  enrichKind(newDef, TRANSFORMATIONS, props, lookup, lister);
  enrichKind(newDef, PREDICATES, props, lookup, lister);
  return newDef;
}
