/**
 * Runs a CommonJS bundle with a V8 code cache, as VS Code and v8-compile-cache do: the first run
 * compiles the bundle and, once it is up, saves V8's code for every function compiled so far; later
 * runs hand that code back to V8 instead of parsing and compiling 2 MB of JavaScript again. The
 * cache is keyed by the bundle's size and mtime and by the Node/V8 version; any problem with it
 * (unwritable dir, rejected data) only means a normal compile.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { registerDynamicImport } from './dynamic-import';

/** Where the cache lives: $XDG_CACHE_HOME (else ~/.cache)/kafka-connect-lab/v8. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'kafka-connect-lab', 'v8');
}

/** The cache file for one build of `file` under this Node (a new build or Node gets a new file). */
export function codeCacheFile(file: string, dir: string): string {
  const s = statSync(file);
  const key = [basename(file), s.size, Math.trunc(s.mtimeMs), process.versions.v8, process.arch].join('-');
  return join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.cache`);
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function writeCache(path: string, data: Buffer): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch {
    // A read-only or full disk: the next start compiles as this one did.
  }
}

/**
 * Loads `file` as the main module through the cache. `saveAfterMs` later (when start-up has
 * compiled what it needs; at once when 0) a missing or rejected cache is written.
 */
export function runMainWithCodeCache(
  file: string,
  saveAfterMs = 3000,
): 'off' | 'written later' | 'accepted' | 'rejected' {
  const cachePath = process.env['KCL_NO_CODE_CACHE'] ? undefined : codeCacheFile(file, codeCacheDir());
  const cached = cachePath ? readCache(cachePath) : undefined;
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  // The bundle's import() (--plugin-path modules) goes through this module's own import().
  registerDynamicImport((specifier) => import(specifier));
  const mod = new Module(file);
  mod.filename = file;
  const require = createRequire(file);
  // The bundle's `require.main === module` makes it run as the program.
  Object.defineProperty(require, 'main', { value: mod });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, require, mod, file, dirname(file));
  mod.loaded = true;
  if (!cachePath) return 'off';
  const rejected = script.cachedDataRejected === true;
  if (!cached || rejected) {
    const save = (): void => writeCache(cachePath, script.createCachedData());
    if (saveAfterMs <= 0) save();
    else setTimeout(save, saveAfterMs).unref();
  }
  return !cached ? 'written later' : rejected ? 'rejected' : 'accepted';
}
