import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PRODUCT = 'kafka-connect-lab';

export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KCL_STATE_DIR) return resolve(env.KCL_STATE_DIR);
  const base = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(base, PRODUCT, 'default');
}

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KCL_CACHE_DIR) return resolve(env.KCL_CACHE_DIR);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), PRODUCT);
}

/**
 * The repository (or unpacked extension) root: the first ancestor of this module that holds
 * lab-deps/. Works from runtime/lab/*.ts under tsx and from the dist/lab.js bundle alike.
 */
export function productRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'lab-deps'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(__dirname, '..', '..');
    dir = parent;
  }
}

/** True when this code runs from the esbuild bundle rather than the TypeScript sources. */
export function runningFromBundle(): boolean {
  return !__filename.endsWith('.ts');
}
