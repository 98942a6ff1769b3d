/** Transformations and predicates of runtime/transforms, plus the Postgres connectors and Debezium SMT. */
import { POSTGRES_PLUGINS } from '../connectors/postgres/index';
import { SMT_PLUGINS } from '../transforms/plugins';
import type { PluginRegistry } from './registry';

export function registerSmts(registry: PluginRegistry): void {
  for (const p of SMT_PLUGINS.values()) {
    registry.register({
      className: p.className,
      type: p.type,
      version: p.version,
      create: () => p.factory(),
    });
  }
}

export function registerPostgres(registry: PluginRegistry): void {
  for (const p of POSTGRES_PLUGINS) {
    registry.register({ className: p.className, type: p.type, version: p.version, create: p.create });
  }
}
