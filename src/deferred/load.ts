import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Deferred from './modules';

export type DeferredModules = typeof Deferred;

let loaded: DeferredModules | undefined;

/**
 * The deferred modules (./modules), loaded on the first call. In the packaged extension they are
 * dist/extension-deferred.js beside dist/extension.js; run from sources (tsx) they are ./modules.
 * The path is computed so that esbuild leaves this require alone instead of inlining the bundle.
 */
export function deferredModules(): DeferredModules {
  if (!loaded) {
    const bundled = join(__dirname, 'extension-deferred.js');
    const path = existsSync(bundled) ? bundled : join(__dirname, 'modules');
    const load: (id: string) => unknown = require;
    loaded = load(path) as DeferredModules;
  }
  return loaded;
}
