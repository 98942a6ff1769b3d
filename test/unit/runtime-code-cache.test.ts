/**
 * runtime/boot/code-cache.ts: the bundle runs as the main module through vm with V8's code cache.
 * Each run is a fresh Node process (as the runtime's starts are; one isolate would answer a second
 * compile from its own in-memory cache): the first run writes the cache, the next is handed it and
 * V8 accepts it, a corrupt cache is rejected yet the bundle runs and the cache is replaced, and a
 * rebuilt bundle gets a new cache file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { codeCacheDir, codeCacheFile } from '../../runtime/boot/code-cache';

const loader = resolve(__dirname, '../../runtime/boot/code-cache.ts');

void describe('runtime code cache (the dist/runtime.js loader)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kcl-code-cache-'));
  const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache'), KCL_NO_CODE_CACHE: '' };
  const bundle = join(dir, 'bundle.js');
  writeFileSync(
    bundle,
    [
      'function add(a, b) { return a + b; }',
      'process.stdout.write(JSON.stringify({ main: require.main === module, dirname: __dirname,',
      '  filename: __filename, joined: require("node:path").join("a", "b") + add(1, 2) }) + "\\n");',
    ].join('\n'),
  );
  /** One start: the bundle's own line, then the loader's verdict on the cache. */
  const start = (): { ran: unknown; cache: string } => {
    const code =
      `const r = require(${JSON.stringify(loader)}).runMainWithCodeCache(${JSON.stringify(bundle)}, 0);` +
      `process.stdout.write(r + "\\n");`;
    const p = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { env, encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr);
    const [ran, cache] = p.stdout.trim().split('\n');
    return { ran: JSON.parse(ran), cache };
  };
  const cacheFile = (): string => codeCacheFile(bundle, join(dir, 'cache', 'kafka-connect-lab', 'v8'));

  void it('lives under $XDG_CACHE_HOME/kafka-connect-lab/v8, keyed by the bundle, its build and V8', () => {
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/x' }), '/x/kafka-connect-lab/v8');
    const file = codeCacheFile(bundle, '/c');
    assert.ok(file.startsWith('/c/bundle.js-'), file);
    assert.ok(file.includes(process.versions.v8.replace(/[^A-Za-z0-9._-]/g, '_')), file);
  });

  void it('first start: the bundle runs as the main module; the cache is written after it', () => {
    const r = start();
    assert.deepEqual(r.ran, { main: true, dirname: dir, filename: bundle, joined: 'a/b3' });
    assert.equal(r.cache, 'written later');
    assert.ok(readFileSync(cacheFile()).length > 100, 'cache written');
  });

  void it('next start: V8 accepts the cache and the file is left as it is', () => {
    const before = readFileSync(cacheFile());
    const r = start();
    assert.equal(r.cache, 'accepted');
    assert.equal((r.ran as { main: boolean }).main, true);
    assert.deepEqual(readFileSync(cacheFile()), before);
  });

  void it('a corrupt cache is rejected: the bundle still runs and the cache is replaced', () => {
    writeFileSync(cacheFile(), Buffer.from('not V8 code'));
    const r = start();
    assert.equal(r.cache, 'rejected');
    assert.equal((r.ran as { joined: string }).joined, 'a/b3');
    assert.notDeepEqual(readFileSync(cacheFile()), Buffer.from('not V8 code'));
    assert.equal(start().cache, 'accepted');
  });

  void it('a rebuilt bundle (new mtime) gets its own cache file', () => {
    const old = cacheFile();
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    assert.notEqual(cacheFile(), old);
    assert.equal(start().cache, 'written later');
    assert.equal(readdirSync(join(dir, 'cache', 'kafka-connect-lab', 'v8')).length, 2);
  });

  void it('KCL_NO_CODE_CACHE=1: plain compile, nothing written', () => {
    const code = `process.stdout.write(require(${JSON.stringify(loader)}).runMainWithCodeCache(${JSON.stringify(bundle)}, 0) + "\\n")`;
    const p = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
      env: { ...env, KCL_NO_CODE_CACHE: '1' },
      encoding: 'utf8',
    });
    assert.equal(p.stdout.trim().split('\n').at(-1), 'off', p.stderr);
  });
});
