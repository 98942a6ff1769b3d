/**
 * Config definitions from the active cluster: GET /connector-plugins/{p}/config for any installed
 * plugin (connector, converter, transformation, predicate), cached per cluster and plugin, and the
 * definitions of PUT /connector-plugins/{class}/config/validate for a whole document (they include
 * transforms.<alias>.* and predicates.<alias>.*, enriched by the worker).
 */
import type { ConfigInfos, ConfigKeyInfo } from '../../protocol/connect-rest/entities';
import { ExtensionError } from '../errors';
import type { ClusterTarget } from '../state/cluster-store';

export class PluginDefinitions {
  private readonly cache = new Map<string, Promise<ConfigKeyInfo[]>>();

  /** The keys of one plugin on the target cluster; [] when the cluster does not have it. */
  pluginConfig(target: ClusterTarget, plugin: string): Promise<ConfigKeyInfo[]> {
    const id = `${target.id}\u0000${target.url ?? ''}\u0000${plugin}`;
    let p = this.cache.get(id);
    if (!p) {
      p = this.fetch(target, plugin).catch(() => {
        this.cache.delete(id);
        return [];
      });
      this.cache.set(id, p);
    }
    return p;
  }

  private async fetch(target: ClusterTarget, plugin: string): Promise<ConfigKeyInfo[]> {
    const client = target.client;
    if (!client) return [];
    try {
      return await client.pluginConfig(plugin);
    } catch (err) {
      // Connect answers 404 for a plugin it does not have (400 on some versions for a bad alias).
      if (err instanceof ExtensionError && (err.httpStatus === 404 || err.httpStatus === 400)) return [];
      throw err;
    }
  }

  clear(): void {
    this.cache.clear();
  }
}

export function definitionsOf(infos: ConfigInfos | undefined): ConfigKeyInfo[] {
  return (infos?.configs ?? []).flatMap((c) => (c.definition ? [c.definition] : []));
}
