/**
 * Config definitions from the active cluster: GET /connector-plugins/{p}/config for any installed
 * plugin (connector, converter, transformation, predicate), cached per cluster and plugin, and the
 * definitions of PUT /connector-plugins/{class}/config/validate for a whole document (they include
 * transforms.<alias>.* and predicates.<alias>.*, enriched by the worker).
 */
import type { ConfigInfos, ConfigKeyInfo } from '../../protocol/connect-rest/entities';
import type { ClusterTarget } from '../state/cluster-store';

interface PluginConfigClient {
  pluginConfig?(plugin: string): Promise<ConfigKeyInfo[]>;
}

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
    const client: (PluginConfigClient & NonNullable<ClusterTarget['client']>) | undefined = target.client;
    if (client?.pluginConfig) return client.pluginConfig(plugin);
    if (target.url) {
      // The REST client has no GET .../config yet: same request, without the client's auth.
      const res = await fetch(
        `${target.url.replace(/\/+$/, '')}/connector-plugins/${encodeURIComponent(plugin)}/config`,
        {
          headers: { Accept: 'application/json' },
          signal: AbortSignal.timeout(10_000),
        },
      );
      if (res.ok) return (await res.json()) as ConfigKeyInfo[];
      if (res.status === 404 || res.status === 400) return [];
    }
    // Authenticated clusters: validate a minimal config of the plugin; its definitions are the same.
    if (!client) return [];
    const infos = await client.validate(plugin, { 'connector.class': plugin });
    return definitionsOf(infos);
  }

  clear(): void {
    this.cache.clear();
  }
}

export function definitionsOf(infos: ConfigInfos | undefined): ConfigKeyInfo[] {
  return (infos?.configs ?? []).flatMap((c) => (c.definition ? [c.definition] : []));
}
