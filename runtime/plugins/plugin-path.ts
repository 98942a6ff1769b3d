/**
 * Loading extra plugins from a directory (--plugin-path / KCL_PLUGIN_PATH): every .ts/.js module
 * directly in the directory may export `plugins: PluginDesc[]`, or classes with a static `className`
 * that extend Connector (type source/sink is taken from the base class).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginType } from '../../protocol/connect-rest/entities';
import { SinkConnector, SourceConnector } from '../api/connector';
import { importModule } from '../boot/dynamic-import';
import type { PluginDesc, PluginRegistry } from './registry';

type PluginClass = (new () => unknown) & { className?: string };

function describe(cls: PluginClass): PluginDesc | null {
  const proto: unknown = cls.prototype;
  let type: PluginType | null = null;
  if (proto instanceof SourceConnector) type = 'source';
  else if (proto instanceof SinkConnector) type = 'sink';
  if (!type) return null;
  const className = cls.className ?? cls.name;
  const probe = new cls() as { version?: () => string };
  return { className, type, version: probe.version?.() ?? 'undefined', create: () => new cls() };
}

export async function loadPluginPath(
  registry: PluginRegistry,
  dir: string,
  log: (line: string) => void,
): Promise<void> {
  const root = resolve(dir);
  const files = readdirSync(root)
    .filter((f) => /\.(ts|js|mjs|cjs)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('.test.'))
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile());
  for (const file of files) {
    const mod = (await importModule(pathToFileURL(file).href)) as Record<string, unknown>;
    const exported =
      mod['default'] && typeof mod['default'] === 'object' ? { ...mod['default'], ...mod } : mod;
    if (Array.isArray(exported['plugins'])) {
      for (const p of exported['plugins'] as PluginDesc[]) registry.register(p);
      continue;
    }
    for (const value of Object.values(exported)) {
      if (typeof value !== 'function') continue;
      const desc = describe(value as PluginClass);
      if (desc) {
        registry.register(desc);
        log(`Loaded plugin ${desc.className} (${desc.type}) from ${file}`);
      }
    }
  }
}
