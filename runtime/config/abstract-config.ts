/**
 * org.apache.kafka.common.config.AbstractConfig, reduced to what the worker needs: parse once with a
 * ConfigDef (throwing Connect's ConfigException), then read typed, frozen values.
 */
import type { ConfigDef, ParseOptions } from './config-def';
import { ConfigException } from './config-exception';
import { JavaClass, Password } from './java-compat';

export class AbstractConfig {
  private readonly values: ReadonlyMap<string, unknown>;
  private readonly originalProps: Readonly<Record<string, unknown>>;

  constructor(
    readonly definition: ConfigDef,
    originals: Readonly<Record<string, unknown>>,
    options?: ParseOptions,
  ) {
    this.originalProps = Object.freeze({ ...originals });
    this.values = definition.parse(originals, options);
    Object.freeze(this);
  }

  get(key: string): unknown {
    if (!this.values.has(key)) throw new ConfigException(`Unknown configuration '${key}'`);
    return this.values.get(key);
  }

  getString(key: string): string | null {
    return this.get(key) as string | null;
  }
  getInt(key: string): number | null {
    return this.get(key) as number | null;
  }
  getShort(key: string): number | null {
    return this.get(key) as number | null;
  }
  /** LONG values are bigint (int64 house rule). */
  getLong(key: string): bigint | null {
    return this.get(key) as bigint | null;
  }
  getDouble(key: string): number | null {
    return this.get(key) as number | null;
  }
  getBoolean(key: string): boolean | null {
    return this.get(key) as boolean | null;
  }
  getList(key: string): readonly string[] | null {
    return this.get(key) as string[] | null;
  }
  getPassword(key: string): Password | null {
    const v = this.get(key);
    return v instanceof Password ? v : null;
  }
  /** CLASS values as the class name. */
  getClassName(key: string): string | null {
    const v = this.get(key);
    return v instanceof JavaClass ? v.name : null;
  }

  originals(): Readonly<Record<string, unknown>> {
    return this.originalProps;
  }

  /** originalsWithPrefix(prefix, strip=true). */
  originalsWithPrefix(prefix: string, strip = true): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.originalProps)) {
      if (k.startsWith(prefix) && k.length > prefix.length) out[strip ? k.substring(prefix.length) : k] = v;
    }
    return out;
  }
}
